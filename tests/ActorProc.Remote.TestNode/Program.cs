using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Remote;

// Usage: dotnet ActorProc.Remote.TestNode.dll <system-name> <secret> [port]
// Starts a remoting node on 127.0.0.1 with an "echo" actor at /user/echo, prints "ADDRESS <address>" and runs
// until its standard input closes (or it is killed, which is what the death-watch test does).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ActorProc.Remote.TestNode <system-name> <secret> [port]");
    return 2;
}
var port = args.Length > 2 ? int.Parse(args[2]) : 0;
var config = Config.Parse($$"""
    actorproc.log-dead-letters = off
    actorproc.remote {
      hostname = "127.0.0.1"
      port = {{port}}
      secret = "{{args[1]}}"
      heartbeat-interval = 100ms
    }
    """);
await using var system = ActorSystem.Create(args[0], config);
var remote = system.UseRemoting();
remote.AllowDeployment<ActorProc.Remote.TestNode.EchoActor>();
system.ActorOf(Props.Create<ActorProc.Remote.TestNode.EchoActor>(), "echo");
Console.WriteLine($"ADDRESS {remote.Address}");
Console.Out.Flush();
await Task.Run(() => Console.In.ReadToEnd());
return 0;
