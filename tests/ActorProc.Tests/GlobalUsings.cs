global using Akka.Actor;
global using ActorProc.Jobs;
global using ActorProc.MapReduce;
global using ActorProc.Pools;
global using ActorProc.Progress;
global using ActorProc.Reports;
global using ActorProc.Tasks;
