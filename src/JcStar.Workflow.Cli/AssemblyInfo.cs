using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("JcStar.Workflow.Procedures.Tests")]
