global using ActorProc.Jobs;
global using ActorProc.Pools;
global using ActorProc.Reports;
global using ActorProc.Tasks;
global using ActorProc.TestKit.Assertions;
global using ActorProc.TestKit.Faults;
global using ActorProc.TestKit.Pools;
