// The processing API is written on top of the kernel everywhere; importing it once keeps file headers short.
global using System.Diagnostics;
global using ActorProc.Core.Actors;
global using ActorProc.Core.Dispatch;
global using ActorProc.Core.Routing;
global using ActorProc.Core.Supervision;
