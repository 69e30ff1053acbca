using PayerAtlas.Importers.Policies;

namespace PayerAtlas.Tests.Policies;

public class SentencesTests
{
    [Theory]
    [InlineData("Report 77066 (e.g. for both breasts). Do not report 77065 twice.", "Report 77066 (e.g. for both breasts).|Do not report 77065 twice.")]
    [InlineData("15. CPT code 77063 is an add-on. It goes with 77067.", "15. CPT code 77063 is an add-on.|It goes with 77067.")]
    [InlineData("See No. 4 and the U.S. rules. Then stop.", "See No. 4 and the U.S. rules.|Then stop.")]
    [InlineData("Rate 1.5 per day... then more. Done", "Rate 1.5 per day... then more.|Done")]
    public void Sentences_end_at_periods_but_not_after_abbreviations_or_list_numbers(string paragraph, string expected) =>
        Assert.Equal(expected, string.Join("|", Sentences.Split(paragraph)));

    [Fact]
    public void Paragraphs_break_at_blank_lines_and_list_items_and_mend_hyphenated_words()
    {
        var text = "A policy line that goes on\nand ends here.\n\n• A bullet item\n15. A numbered item with salpingo-\noophorectomy\nCodes 72020-\n72120 apply.";
        Assert.Equal(["A policy line that goes on and ends here.", "• A bullet item", "15. A numbered item with salpingo-oophorectomy Codes 72020- 72120 apply."],
            Sentences.Paragraphs(text));
    }
}
