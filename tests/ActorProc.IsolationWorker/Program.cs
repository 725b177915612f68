using ActorProc.Isolation;
using ActorProc.IsolationWorker;

// The spawn pattern: register the named tasks, and serve the pool when started as its worker.
var tasks = WorkerTasks.Registry();
if (WorkerProcess.IsWorker) return await WorkerProcess.RunAsync(tasks);
Console.Error.WriteLine("ActorProc.IsolationWorker: the worker program of the isolation tests; isolated pools start it.");
return 2;
