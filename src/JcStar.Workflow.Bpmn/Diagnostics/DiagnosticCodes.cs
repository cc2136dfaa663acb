namespace JcStar.Workflow.Bpmn.Diagnostics;

/// <summary>The stable codes of <see cref="BpmnDiagnostic"/>; tools and tests match on these, never on messages.</summary>
public static class DiagnosticCodes
{
    // Reading: the file as XML.
    public const string MalformedXml = "xml-malformed";
    public const string NameRepaired = "xml-name-repaired";
    public const string DtdNotAllowed = "xml-dtd";
    public const string TooLarge = "xml-too-large";
    public const string TooDeep = "xml-too-deep";
    public const string Encoding = "xml-encoding";

    // Reading: the file against the BPMN 2.0 schemas.
    public const string NotBpmn = "bpmn-not-bpmn";
    public const string UnknownElement = "bpmn-unknown-element";
    public const string NoNamespace = "bpmn-no-namespace";
    public const string UnknownAttribute = "bpmn-unknown-attribute";
    public const string InvalidValue = "bpmn-invalid-value";
    public const string UndeclaredPrefix = "bpmn-undeclared-prefix";
    public const string DuplicateId = "bpmn-duplicate-id";
    public const string MissingAttribute = "bpmn-missing-attribute";
    public const string UnresolvedDiReference = "bpmn-di-unresolved";
    public const string Fragment = "bpmn-fragment";

    // Validation for execution.
    public const string DanglingReference = "exec-dangling-reference";
    public const string UnresolvedCalledElement = "exec-unresolved-called-element";
    public const string FlowToNowhere = "exec-flow-to-nowhere";
    public const string NoStartEvent = "exec-no-start-event";
    public const string Unreachable = "exec-unreachable";
    public const string ConditionOnParallelGateway = "exec-condition-on-parallel-gateway";
    public const string AmbiguousGateway = "exec-ambiguous-gateway";
    public const string DefaultFlowNotOutgoing = "exec-default-not-outgoing";
    public const string Unsupported = "exec-unsupported";
    public const string SeveralEventDefinitions = "exec-several-event-definitions";
    public const string EventGatewayTarget = "exec-event-gateway-target";
    public const string InvalidTimer = "exec-invalid-timer";
    public const string InvalidExpression = "exec-invalid-expression";
    public const string MissingCalledElement = "exec-missing-called-element";
    public const string NoExecutableProcess = "exec-no-executable-process";
    public const string MultiInstanceWithoutInput = "exec-multi-instance-without-input";
    public const string InvalidQuantity = "exec-invalid-quantity";
    public const string NegativeLoopMaximum = "exec-negative-loop-maximum";
    public const string TimerCycleTooShort = "exec-timer-cycle-too-short";
    public const string MissingCondition = "exec-missing-condition";
    public const string Compensation = "exec-compensation";
    public const string Cancel = "exec-cancel";
    public const string MultiInstanceBehavior = "exec-multi-instance-behavior";
    public const string AdHoc = "exec-ad-hoc";
    public const string EventTrigger = "exec-event-trigger";
}
