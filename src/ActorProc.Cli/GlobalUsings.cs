global using Akka.Actor;
global using Akka.Configuration;
global using ActorProc.Configuration;
global using ActorProc.Jobs;
global using ActorProc.Pools;
global using ActorProc.Progress;
global using ActorProc.Reports;
global using ActorProc.Tasks;
