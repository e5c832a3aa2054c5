using Akka.Actor;

namespace ActorMap.Compute.Tests;

/// <summary>The policy as an Akka decider: by full type name, the most derived type listed first.</summary>
public sealed class SupervisionPolicySpec
{
    private sealed class RowException(string message) : FormatException(message);

    private static readonly SupervisionPolicy s_policy = new SupervisionPolicy(Directive.Restart)
        .On("System.SystemException", Directive.Stop)
        .On<FormatException>(Directive.Resume)
        .On("System.DivideByZeroException", Directive.Escalate);

    [Fact]
    public void Decide_TypeListed_TakesItsDirective()
    {
        Assert.Equal(Directive.Resume, s_policy.Decide(new FormatException()));
        Assert.Equal(Directive.Escalate, s_policy.Decide(new DivideByZeroException()));
    }

    [Fact]
    public void Decide_TypeNotListed_TakesItsNearestListedBaseTypes()
    {
        // ArgumentNullException : ArgumentException : SystemException
        Assert.Equal(Directive.Stop, s_policy.Decide(new ArgumentNullException("x")));
        // RowException : FormatException : SystemException: the nearer base wins.
        Assert.Equal(Directive.Resume, s_policy.Decide(new RowException("bad row")));
        // OverflowException : ArithmeticException : SystemException; DivideByZeroException is a sibling, not a base.
        Assert.Equal(Directive.Stop, s_policy.Decide(new OverflowException()));
    }

    [Fact]
    public void Decide_NoListedTypeInTheHierarchy_TakesTheDefault()
    {
        var policy = new SupervisionPolicy(Directive.Escalate).On<FormatException>(Directive.Resume);

        Assert.Equal(Directive.Escalate, policy.Decide(new InvalidOperationException()));
        Assert.Equal(Directive.Escalate, policy.Decide(new Exception("plain")));
    }

    [Fact]
    public void Decide_SystemExceptionListed_CatchesEveryException()
    {
        var policy = new SupervisionPolicy(Directive.Restart).On<Exception>(Directive.Stop);

        Assert.Equal(Directive.Stop, policy.Decide(new InvalidOperationException()));
    }

    [Fact]
    public void Decide_NestedType_MatchesByItsFullName()
    {
        var policy = new SupervisionPolicy().On(typeof(RowException).FullName!, Directive.Escalate);

        Assert.Equal("ActorMap.Compute.Tests.SupervisionPolicySpec+RowException", typeof(RowException).FullName);
        Assert.Equal(Directive.Escalate, policy.Decide(new RowException("x")));
        Assert.Equal(Directive.Restart, policy.Decide(new FormatException()));
    }

    [Fact]
    public void Decide_NameDiffersInCase_DoesNotMatch() =>
        Assert.Equal(Directive.Restart, new SupervisionPolicy().On("system.formatexception", Directive.Stop).Decide(new FormatException()));

    [Fact]
    public void On_SameTypeTwice_KeepsTheLastAndLeavesTheOriginalAlone()
    {
        var first = new SupervisionPolicy().On<FormatException>(Directive.Stop);

        var second = first.On<FormatException>(Directive.Resume);

        Assert.Equal(Directive.Stop, first.Decide(new FormatException()));
        Assert.Equal(Directive.Resume, second.Decide(new FormatException()));
        Assert.Single(second.Directives);
    }

    [Theory]
    [InlineData("")]
    [InlineData("System. FormatException")]
    public void On_NotATypeName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new SupervisionPolicy().On(name, Directive.Stop));

    [Fact]
    public void Directive_ConvertsToAPolicyOfThatDefault()
    {
        SupervisionPolicy policy = Directive.Escalate;

        Assert.Equal(Directive.Escalate, policy.Default);
        Assert.Empty(policy.Directives);
        Assert.Equal(new SupervisionPolicy(Directive.Escalate), policy);
    }

    [Fact]
    public void Equals_SameDirectivesInAnotherOrder_IsEqual() =>
        Assert.Equal(
            new SupervisionPolicy().On<FormatException>(Directive.Resume).On<OverflowException>(Directive.Stop),
            new SupervisionPolicy().On<OverflowException>(Directive.Stop).On<FormatException>(Directive.Resume));

    [Fact]
    public void ToString_NamesTheDefaultAndEachType()
    {
        Assert.Equal("Stop", new SupervisionPolicy(Directive.Stop).ToString());
        Assert.Equal("Restart; System.FormatException: Resume", new SupervisionPolicy().On<FormatException>(Directive.Resume).ToString());
    }
}
