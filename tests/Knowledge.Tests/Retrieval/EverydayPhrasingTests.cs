using IntegrationBot.Knowledge.Retrieval;

namespace IntegrationBot.Knowledge.Tests.Retrieval;

/// <summary>
/// Questions in the words a migrant uses rather than the official ones (a colloquial verb, an institution's name written in
/// Arabic letters), found misrouted by walking the product as a migrant against the shipped knowledge base.
/// </summary>
public sealed class EverydayPhrasingTests
{
    private static readonly KnowledgeEngine Engine = KnowledgeEngine.LoadDefault();

    // "my residence permit is running out": Albanian "leja ime mbaron" asked "Did you mean…" with the work permit first
    // (0.194 against 0.146), Arabic "الاقامة تبعي رح تخلص" found nothing (0.159). The residence permit knew only "skadon" and
    // "تنتهي" for running out; it now has "mbaron" and "تخلص" as keywords and a sample each. Its details say how to renew.
    [Theory]
    [InlineData("leja ime mbaron")]
    [InlineData("leja mbaron")]
    [InlineData("الاقامة تبعي رح تخلص")]
    public void A_residence_permit_running_out_is_the_residence_permit(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("residence-permit", Decision.Answer), (result.Topic, result.Decision));
    }

    // ZRSZ written in Arabic letters: "كيف بسجل بالزرسز" (how do I register at ZRSZ) found nothing (0.041, the address's
    // registration first), since no topic knew "زرسز". Finding a job, which says who may register as unemployed at ZRSZ, now
    // lists it, as the offices do for where it is ("وين الزرسز" asks between the two, as "zrsz" alone does), with a sample
    // in the colloquial "بسجل".
    [Theory]
    [InlineData("كيف بسجل بالزرسز")]
    [InlineData("كيف بسجل في zrsz")]
    [InlineData("التسجيل بالزرسز")]
    public void Registering_at_ZRSZ_written_in_Arabic_letters_is_finding_a_job(string question)
    {
        var result = Engine.Ask(question);
        Assert.Equal(("job-search", Decision.Answer), (result.Topic, result.Decision));
    }
}
