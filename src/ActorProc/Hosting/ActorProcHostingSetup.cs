using Akka.Actor.Setup;

namespace ActorProc.Hosting;

/// <summary>
/// Carries the pools registered with <c>WithActorProc</c> into the actor system Akka.Hosting creates
/// (an Akka <see cref="Setup"/>: it is part of the system's settings), where <see cref="HostedWorkerPools"/>
/// finds them.
/// </summary>
internal sealed class ActorProcHostingSetup(WorkerPoolRegistrations registrations) : Setup
{
    public WorkerPoolRegistrations Registrations { get; } = registrations;
}
