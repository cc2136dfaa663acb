using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Engine;

/// <summary>One behaviour per element type, chosen by the model record's type.</summary>
internal static class Behaviors
{
    private static readonly FlowNodeBehavior PassThrough = new PassThroughBehavior();
    private static readonly FlowNodeBehavior Start = new StartEventBehavior();
    private static readonly FlowNodeBehavior End = new EndEventBehavior();
    private static readonly FlowNodeBehavior Catch = new IntermediateCatchEventBehavior();
    private static readonly FlowNodeBehavior Throw = new IntermediateThrowEventBehavior();
    private static readonly FlowNodeBehavior User = new UserTaskBehavior();
    private static readonly FlowNodeBehavior Service = new ServiceTaskBehavior();
    private static readonly FlowNodeBehavior Send = new SendTaskBehavior();
    private static readonly FlowNodeBehavior Receive = new ReceiveTaskBehavior();
    private static readonly FlowNodeBehavior Script = new ScriptTaskBehavior();
    private static readonly FlowNodeBehavior Sub = new SubProcessBehavior();
    private static readonly FlowNodeBehavior Call = new CallActivityBehavior();
    private static readonly FlowNodeBehavior Exclusive = new ExclusiveGatewayBehavior();
    private static readonly FlowNodeBehavior Parallel = new ParallelGatewayBehavior();
    private static readonly FlowNodeBehavior Inclusive = new InclusiveGatewayBehavior();
    private static readonly FlowNodeBehavior EventBased = new EventBasedGatewayBehavior();
    private static readonly FlowNodeBehavior Complex = new ComplexGatewayBehavior();

    public static FlowNodeBehavior For(FlowNode node) => node switch
    {
        StartEvent => Start,
        EndEvent => End,
        IntermediateCatchEvent => Catch,
        IntermediateThrowEvent => Throw,
        BoundaryEvent => PassThrough,
        UserTask => User,
        ServiceTask or BusinessRuleTask => Service,
        SendTask => Send,
        ReceiveTask => Receive,
        ScriptTask => Script,
        SubProcess => Sub,
        CallActivity => Call,
        ExclusiveGateway => Exclusive,
        ParallelGateway => Parallel,
        InclusiveGateway => Inclusive,
        EventBasedGateway => EventBased,
        ComplexGateway => Complex,
        TaskActivity or ManualTask => PassThrough,
        _ => throw new NotSupportedException($"{node.ElementType} {node.Id} is not supported (DefinitionSet.From refuses it)"),
    };
}
