namespace PayerAtlas.Publishing.Sections;

public sealed partial class PayerCoverageWriter
{
    /// <summary>How many sentences naming the code are quoted per policy; `payeratlas policies mentions` lists all.</summary>
    const int MentionsPerPolicy = 3;

    /// <summary>Where indexed payer documents name the code, sentence by sentence.</summary>
    static void WriteMentions(SectionContext context, SectionBuilder section, PolicyFacts policies)
    {
        var extracted = policies.ForCode.Where(c => c.Policy.Origin == Policies.PolicyOrigin.Extracted).Select(c => (c.Payer, c.Policy.Id.Value, c.Policy.Version.Value)).ToHashSet();
        var mentions = context.Dossier.PolicyMentions
            .Where(m => extracted.Contains((m.Record.Payer, m.Record.PolicyId, m.Record.Version)))
            .GroupBy(m => (m.Record.Payer, m.Record.PolicyId))
            .SelectMany(g => g.Take(MentionsPerPolicy))
            .ToList();
        if (mentions.Count == 0)
        {
            return;
        }

        section.Heading("policy-mentions", "Where payer documents name this code");
        var n = 0;
        section.List(mentions, (p, m) =>
        {
            var (location, sentence) = policies.DocumentMention(m, ++n);
            p.Text($"{m.Record.Payer} ").Fact(location).Text(": “").Fact(sentence).Text("”");
        });
        section.Paragraph(p => p.Text("These sentences are quoted from the documents as imported; what they mean for coverage is for an editor to confirm."));
    }

    /// <summary>Changes between versions of the policies that name this code: its own changes and the policy-wide ones (dates, address).</summary>
    static void WriteChanges(SectionContext context, SectionBuilder section, PolicyFacts policies)
    {
        var code = context.Dossier.Code;
        var changes = context.Dossier.PolicyUpdates
            .SelectMany(u => u.Record.Changes.Where(c => c.Codes is null || c.Codes.Contains(code)).Select(c => (Update: u, Change: c)))
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        section.Heading("policy-changes", "Policy changes");
        var n = 0;
        section.List(changes, (p, x) => p.Text($"{x.Update.Record.Payer}: ").Fact(policies.Update(x.Update, x.Change, ++n)));
    }
}
