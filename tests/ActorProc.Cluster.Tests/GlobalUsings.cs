global using Akka.Actor;
global using ActorProc.Cluster.Client;
global using ActorProc.Cluster.Jobs;
global using ActorProc.Cluster.Nodes;
global using ActorProc.Tasks;
