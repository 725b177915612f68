global using ActorProc.Core.Actors;
global using ActorProc.Core.Dispatch;
