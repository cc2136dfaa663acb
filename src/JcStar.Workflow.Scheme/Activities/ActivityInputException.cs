namespace JcStar.Workflow.Scheme.Activities;

/// <summary>The workflow did not give an activity what it needs: a modelling error for staff to fix, not a transient failure.</summary>
public sealed class ActivityInputException(string message) : Exception(message);
