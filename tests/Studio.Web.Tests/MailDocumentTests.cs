using Studio.Web.Editing;

namespace Studio.Web.Tests;

/// <summary>What the sandboxed frame gets: the mail with links sent to a new tab and no referrer.</summary>
public sealed class MailDocumentTests
{
    private const string Added = MailDocument.HeadAdditions;

    [Theory]
    [InlineData("<!DOCTYPE html><html><HEAD lang=\"en\"><title>x</title></HEAD><body>b</body></html>",
        "<!DOCTYPE html><html><HEAD lang=\"en\">" + Added + "<title>x</title></HEAD><body>b</body></html>")]
    [InlineData("<html lang=\"en\"><body>b</body></html>", "<html lang=\"en\"><head>" + Added + "</head><body>b</body></html>")]
    [InlineData("<p>Just a fragment</p>", Added + "<p>Just a fragment</p>")]
    [InlineData("", Added)]
    public void ForFrame_PutsTheBaseTargetFirstInTheHead(string html, string expected) =>
        Assert.Equal(expected, MailDocument.ForFrame(html));

    [Fact]
    public void ForFrame_DoesNotMistakeHeaderForHead() =>
        Assert.Equal("<html><head>" + Added + "</head><header>h</header></html>", MailDocument.ForFrame("<html><header>h</header></html>"));
}
