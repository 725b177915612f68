global using ActorProc.Core.Actors;
global using ActorProc.Core.Configuration;
global using ActorProc.Core.Events;
