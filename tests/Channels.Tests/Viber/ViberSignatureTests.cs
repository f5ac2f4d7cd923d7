using System.Text;
using IntegrationBot.Channels.Viber;

namespace IntegrationBot.Channels.Tests.Viber;

/// <summary>Vectors computed once with <c>printf '%s' BODY | openssl dgst -sha256 -hmac KEY</c>.</summary>
public sealed class ViberSignatureTests
{
    private const string Token = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f";
    private const string Body = """{"event":"webhook","timestamp":1457764197627,"message_token":241256543215}""";
    private const string BodySignature = "707d4e545f8b4e693ce70df046097d510f76fcee0c49630c23ebb1f73a6be868";

    [Theory]
    [InlineData(Token, Body, BodySignature)]
    [InlineData("key", "The quick brown fox", "203d1e5cedd2d18f8c5a3beff0bd9c1ebcb97097dfcb288c46b00c9227fde2c0")]
    public void Signature_matches_openssl_vectors(string key, string body, string expected)
    {
        Assert.Equal(expected, ViberSignature.Compute(Encoding.UTF8.GetBytes(body), key));
        Assert.True(ViberSignature.Verify(Encoding.UTF8.GetBytes(body), key, expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("707d4e545f8b4e693ce70df046097d510f76fcee0c49630c23ebb1f73a6be869")]
    [InlineData("707d4e545f8b4e693ce70df046097d510f76fcee0c49630c23ebb1f73a6be8")]
    [InlineData("sha256=707d4e545f8b4e693ce70df046097d510f76fcee0c49630c23ebb1f73a6be868")]
    public void Wrong_or_missing_signature_is_refused(string? signature)
    {
        Assert.False(ViberSignature.Verify(Encoding.UTF8.GetBytes(Body), Token, signature));
    }

    [Fact]
    public void Signature_of_a_changed_body_is_refused()
    {
        Assert.False(ViberSignature.Verify(Encoding.UTF8.GetBytes(Body + " "), Token, BodySignature));
    }
}
