// The TestKit is written against ActorProc's public API; importing its feature namespaces once keeps file headers short.
global using ActorProc.Jobs;
global using ActorProc.Pools;
global using ActorProc.Reports;
global using ActorProc.Tasks;
