// Each smoke test runs a whole scenario on every core and measures the process-wide heap:
// running them one at a time keeps them fast and keeps one scenario's garbage out of another's numbers.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
