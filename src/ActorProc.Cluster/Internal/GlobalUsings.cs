// The cluster layer is written on Akka.NET everywhere; importing it once keeps file headers short.
global using Akka.Actor;
global using Akka.Event;
global using ActorProc.Cluster.Jobs;
global using ActorProc.Tasks;
global using ActorProc.Pools;
// Akka.Event has a Debug log event type too; Debug.Assert means System.Diagnostics here.
global using Debug = System.Diagnostics.Debug;
