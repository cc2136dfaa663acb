using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("JcStar.Workflow.Procedures.Tests")]
[assembly: InternalsVisibleTo("JcStar.Workflow.Backup.Tests")]
