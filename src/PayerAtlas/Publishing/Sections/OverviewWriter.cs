
namespace PayerAtlas.Publishing.Sections;

/// <summary>Billing Code Overview: the descriptor in plain words, Service Type and Typical Site of Service.</summary>
public sealed class OverviewWriter : ISectionWriter
{
    public string Id => "overview";
    public string Title => "Billing Code Overview";

    public void Write(SectionContext context, SectionBuilder section)
    {
        var known = context.Known;
        var dossier = context.Dossier;
        var content = dossier.Content;
        var code = known.Code();

        var plain = known.Editorial("plain_description", content?.PlainDescription, "Plain-language description");
        if (plain is null)
        {
            section.Missing("editorial.plain_description", "Plain-language description");
        }
        else
        {
            section.Paragraph(p => p.Text($"{dossier.CodeSystem} code ").Fact(code).Text(" describes ").Fact(plain).Text("."));
        }

        if (dossier.Hcpcs is { } hcpcs)
        {
            var longDescription = known.Sourced("hcpcs.long", hcpcs.Record.LongDescription, "HCPCS Level II long description", hcpcs.Source);
            section.Paragraph(p => p.Strong("HCPCS Level II descriptor: ").Fact(longDescription));
        }

        if (dossier.Primary is { } row)
        {
            var descriptor = known.Rvu(row, "description", row.Record.Description, "Fee schedule short descriptor");
            section.Paragraph(p => p.Strong("Fee schedule short descriptor: ").Fact(descriptor));
            var status = known.Rvu(row, "status", row.Record.StatusCode, "Medicare status code");
            var meaning = known.Meaning(row, "status", FeeScheduleIndicators.Status(row.Record.StatusCode), "Status code");
            section.Paragraph(p =>
            {
                p.Strong("Medicare status: ").Fact(status);
                if (meaning is not null)
                {
                    p.Text(" — ").Fact(meaning);
                }
            });
        }
        else
        {
            section.Missing("rvu.global.status", "Medicare fee schedule status");
        }

        var serviceType = known.Editorial("service_type", content?.ServiceType, "Service type");
        section.Paragraph(p => p.Strong("Service Type: ").FactOrGap(serviceType, "editorial.service_type", "Service type"));

        WriteSiteOfService(context, section);
    }

    static void WriteSiteOfService(SectionContext context, SectionBuilder section)
    {
        var known = context.Known;
        var content = context.Dossier.Content;
        var site = known.Editorial("typical_site_of_service", content?.TypicalSiteOfService, "Typical site of service");
        section.Paragraph(p => p.Strong("Typical Site of Service: ").FactOrGap(site, "editorial.typical_site_of_service", "Typical site of service"));

        var places = (content?.PlacesOfService ?? []).Select((pos, i) => (pos, fact: known.EditorialValue($"places_of_service.{i + 1}", pos, pos.Value, "Typical place-of-service code"))).ToList();
        if (places.Count > 0)
        {
            section.List(places, (p, x) =>
            {
                p.Text("Place of service ").Fact(x.fact);
                var name = known.PlaceOfService(x.pos.Value);
                p.Text(": ");
                if (name is null)
                {
                    p.Gap($"pos.{x.pos.Value}", $"Name of place of service {x.pos.Value}");
                }
                else
                {
                    p.Text(known.PlaceOfServiceName(x.pos.Value)!);
                }
            });
        }

        if (context.Dossier.Primary is { } row)
        {
            var r = row.Record;
            section.Paragraph(p =>
            {
                p.Text("Medicare's fee schedule ");
                Setting(p, known, row, r.NonFacilityNotApplicable, "nonfacility_na", "Non-facility NA indicator", r.NonFacilityNaIndicator, "non-facility settings (office, freestanding imaging or surgery center)");
                p.Text(", and ");
                Setting(p, known, row, r.FacilityNotApplicable, "facility_na", "Facility NA indicator", r.FacilityNaIndicator, "facility settings (hospital inpatient or outpatient, ambulatory surgical center)");
                p.Text(r.NonFacilityNotApplicable || r.FacilityNotApplicable
                    ? ". NA means CMS considers the service rarely or never performed in that setting."
                    : ".");
            });
        }
    }

    static void Setting(ProseBuilder p, DossierFacts known, Store.Stored<Importers.Pfs.RvuRecord> row, bool notApplicable, string field, string label, string value, string where)
    {
        if (notApplicable)
        {
            p.Text("marks ").Text(where).Text(" ").Fact(known.Rvu(row, field, value, label));
        }
        else
        {
            p.Text("prices the service for ").Text(where);
        }
    }
}
