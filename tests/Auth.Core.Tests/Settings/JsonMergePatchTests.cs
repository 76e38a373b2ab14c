using System.Text.Json.Nodes;
using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

public class JsonMergePatchTests
{
    // RFC 7396, Appendix A, every example in order.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_Rfc7396AppendixA(string original, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(original), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), $"got {result?.ToJsonString() ?? "null"}");
    }

    [Fact]
    public void Apply_NeverMutatesInputs()
    {
        var target = JsonNode.Parse("""{"a":{"b":"c","d":[1]},"e":1}""");
        var patch = JsonNode.Parse("""{"a":{"b":null,"x":{"y":1}},"e":null}""");
        var targetBefore = target!.ToJsonString();
        var patchBefore = patch!.ToJsonString();

        var result = JsonMergePatch.Apply(target, patch);
        result!["a"]!["x"]!["y"] = 2;

        Assert.Equal(targetBefore, target.ToJsonString());
        Assert.Equal(patchBefore, patch.ToJsonString());
    }

    [Fact]
    public void Apply_NullTarget_TreatedAsEmptyObject()
    {
        var result = JsonMergePatch.Apply(null, JsonNode.Parse("""{"a":1,"b":null}"""));

        Assert.Equal("""{"a":1}""", result!.ToJsonString());
    }

    [Fact]
    public void Apply_OnSettings_ChangesOnlyPatchedField()
    {
        var draft = SettingsJson.ToJsonObject(new AuthSettings());

        var patched = JsonMergePatch.Apply(draft, JsonNode.Parse("""{"email":{"linkExpiresIn":120}}"""));
        var settings = SettingsJson.Parse(patched).Value;

        Assert.Equal(120, settings.Email.LinkExpiresIn);
        Assert.True(settings.Email.ConfirmEmail);
    }
}
