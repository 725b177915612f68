global using ActorProc.Core.Actors;
