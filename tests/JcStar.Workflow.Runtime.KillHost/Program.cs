using JcStar.Workflow.Runtime.KillHost;

// Child processes for the durable runtime's crash and multi-node tests (tests/JcStar.Workflow.Runtime.Tests):
//   work     --provider P --db CS --folder DIR --count N [--start-from S]   the kill test's worker: starts JC-S..JC-(N-1), saying "started JC-i" after each commit, then processes until killed
//   complete --provider P --db CS --node ID --tasks FILE   one node racing to complete every task listed in FILE
//   sweep    --provider P --db CS --node ID --folder DIR [--seed K] [--start S --count N]   one node deploying the Kill process and starting JC-0..JC-(K-1) with their wake-ups lost, then starting JC-S.. and firing timers and running jobs with the sweep and its own wake-ups until told to stop
//   takeover --role hold|finish --provider P --db CS --folder DIR [--job ID] [--lease S] [--sweep S]   the takeover test's nodes: hold leases TK-1's step and never finishes it; finish, started after hold was killed, finishes it once the lease has passed
//   migrate --db CS --guard true|false [--pause-at TEXT]   the interrupted-migration test's child: migrates the SQLite file, stopping for good before the first command containing TEXT
// P is Sqlite or PostgreSql; CS the workflow database's connection string. The node modes print "ready",
// wait for "go" on stdin so both nodes start together, and end with one line "report {json}" on stdout.
var options = Arguments.Parse(args.Skip(1));
return args.FirstOrDefault() switch
{
    "work" => await KillWorker.RunAsync(options),
    "complete" => await CompleteNode.RunAsync(options),
    "sweep" => await SweepNode.RunAsync(options),
    "takeover" => await TakeoverNode.RunAsync(options),
    "migrate" => await MigrateNode.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: KillHost work|complete|sweep --provider Sqlite|PostgreSql --db CONNECTION [--folder DIR] [--count N] [--node ID] [--tasks FILE]");
    return 2;
}
