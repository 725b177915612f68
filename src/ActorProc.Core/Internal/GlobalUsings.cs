// The kernel's layers reference each other constantly; importing them once keeps every file's header short.
global using ActorProc.Core.Actors;
global using ActorProc.Core.Actors.SystemMessages;
global using ActorProc.Core.Configuration;
global using ActorProc.Core.Dispatch;
global using ActorProc.Core.Events;
global using ActorProc.Core.Mailboxes;
global using ActorProc.Core.Supervision;
global using ActorProc.Core.Routing;
