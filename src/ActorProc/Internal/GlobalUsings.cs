// The processing layer is written on Akka.NET everywhere; importing it once keeps file headers short.
global using System.Diagnostics;
global using Akka.Actor;
global using Akka.Event;
global using Akka.Routing;
// Akka.Event has a Debug log event type too; Debug.Assert means System.Diagnostics here.
global using Debug = System.Diagnostics.Debug;
// The library's own feature namespaces, used across its folders.
global using ActorProc.Jobs;
global using ActorProc.MapReduce;
global using ActorProc.Pools;
global using ActorProc.Progress;
global using ActorProc.Reports;
global using ActorProc.Tasks;
global using ActorProc.Configuration;
global using ActorProc.Submissions;
global using ActorProc.Metrics;
