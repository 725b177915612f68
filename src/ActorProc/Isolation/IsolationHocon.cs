namespace ActorProc.Isolation;

/// <summary>The HOCON of process isolation, for the parent's and the children's actor systems.</summary>
internal static class IsolationHocon
{
    /// <summary>
    /// Remote provider on loopback only, a free port, the isolation serializer bound to the messages.
    /// The failure detector is left at Akka's defaults: a dead child is noticed at once through its
    /// process's exit, not through missed heartbeats.
    /// </summary>
    public const string Remote = """
        akka {
          actor {
            provider = remote
            serializers.actorproc-isolation = "ActorProc.Isolation.IsolationSerializer, ActorProc"
            serialization-bindings {
              "ActorProc.Isolation.IIsolationMessage, ActorProc" = actorproc-isolation
            }
            serialization-identifiers { "ActorProc.Isolation.IsolationSerializer, ActorProc" = 7302 }
          }
          remote {
            log-remote-lifecycle-events = off
            dot-netty.tcp {
              hostname = 127.0.0.1
              public-hostname = 127.0.0.1
              port = 0
            }
          }
        }
        """;
}
