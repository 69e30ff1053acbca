namespace PayerAtlas.Tests.Tic;

/// <summary>The hand-made inputs of <see cref="TicFastPathTests"/>: odd but valid shapes, and invalid ones.</summary>
public sealed partial class TicFastPathTests
{
    /// <summary>Each case is the content of one <c>negotiated_rates</c> array; ids 1–3 are defined, 9 is not.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "plain", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":12.5,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "every price field", """{"provider_references":[1,2],"negotiated_prices":[{"negotiated_type":"fee schedule","negotiated_rate":0.10,"expiration_date":"2025-02-28","service_code":["22","11","11"],"billing_class":"institutional","setting":"outpatient","billing_code_modifier":["tc","26"],"additional_information":"Prix négocié"}]}""" },
        { "several rates and prices", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"derived","negotiated_rate":1,"expiration_date":"2030-01-01","billing_class":"both"},{"negotiated_type":"percentage","negotiated_rate":65,"expiration_date":"2030-01-01","billing_class":"professional"}]},{"provider_references":[2,3],"negotiated_prices":[{"negotiated_type":"per diem","negotiated_rate":1000.00,"expiration_date":"2030-01-01","billing_class":"institutional"}]},{"provider_references":[3,2],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":3,"expiration_date":"2030-01-01","billing_class":"professional"}]}""" },
        { "prices before references", """{"negotiated_prices":[{"billing_class":"professional","expiration_date":"9999-12-31","negotiated_rate":7,"negotiated_type":"negotiated"}],"provider_references":[3]}""" },
        { "whitespace everywhere", "\r\n {\n\t\"provider_references\" :\r\n [ 1 ,\t2 ] ,\n \"negotiated_prices\" : [ { \"negotiated_type\" : \"negotiated\" , \"negotiated_rate\" : 5.25 ,\n\"expiration_date\" : \"9999-12-31\" , \"service_code\" : [ \"11\" , \"22\" ] , \"billing_class\" : \"professional\" } , {\"negotiated_type\":\"derived\",\"negotiated_rate\":6,\"expiration_date\":\"9999-12-31\",\"billing_class\":\"professional\"}\n]\n}\n" },
        { "escaped value", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negoti\u0061ted","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional","additional_information":"a \"quoted\" note"}]}""" },
        { "escaped key", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated\u005frate":1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "exponent and long numbers", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1.5e2,"expiration_date":"9999-12-31","billing_class":"professional"},{"negotiated_type":"negotiated","negotiated_rate":12345678901234567890.12,"expiration_date":"9999-12-31","billing_class":"professional"},{"negotiated_type":"negotiated","negotiated_rate":0,"expiration_date":"9999-12-31","billing_class":"professional"},{"negotiated_type":"negotiated","negotiated_rate":100E-1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "id written 1.0", """{"provider_references":[1.0],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "unknown keys", """{"provider_references":[1],"x_note":{"a":[1,2,{"b":null}]},"negotiated_prices":[{"negotiated_type":"negotiated","x":true,"negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "repeated keys", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"negotiated_rate":2,"expiration_date":"9999-12-31","billing_class":"professional"}],"provider_references":[2]}""" },
        { "empty arrays", """{"provider_references":[],"negotiated_prices":[]},{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","service_code":[],"billing_code_modifier":[],"billing_class":"professional"}]}""" },
        { "inline provider groups", """{"provider_groups":[{"npi":[1111111111,0],"tin":{"type":"ein","value":"22-2222222"}}],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "service codes too long to cache", $$"""{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","service_code":[{{string.Join(",", Enumerable.Range(10, 90).Select(n => $"\"{n}\""))}}],"billing_class":"professional"}]}""" },
        { "null setting", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional","setting":null}]}""" },
        { "null rate", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":null,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "negative rate", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":-1.5,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "rate as a string", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":"12.50","expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "leading zero", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":012,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "id with leading zero", """{"provider_references":[01],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "unknown id", """{"provider_references":[1],"negotiated_prices":[]},{"provider_references":[1,9],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "missing field", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"billing_class":"professional"}]}""" },
        { "bad date", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"2025-02-30","billing_class":"professional"}]}""" },
        { "bad enum", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"Professional"}]}""" },
        { "invalid UTF-8 note", "{\"provider_references\":[1],\"negotiated_prices\":[{\"negotiated_type\":\"negotiated\",\"negotiated_rate\":1,\"expiration_date\":\"9999-12-31\",\"billing_class\":\"professional\",\"additional_information\":\"<FF>\"}]}" },
        { "control byte in a string", "{\"provider_references\":[1],\"negotiated_prices\":[{\"negotiated_type\":\"negotiated\",\"negotiated_rate\":1,\"expiration_date\":\"9999-12-31\",\"billing_class\":\"professional\",\"additional_information\":\"a\tb\"}]}" },
        { "missing comma", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"}{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "trailing comma", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"},]}""" },
        { "missing colon", """{"provider_references":[1],"negotiated_prices":[{"negotiated_type" "negotiated","negotiated_rate":1,"expiration_date":"9999-12-31","billing_class":"professional"}]}""" },
        { "a rate that is not an object", """{"provider_references":[1],"negotiated_prices":[]},[1]""" },
    };

    /// <summary>Each case is the members of an <c>in_network</c> element before its <c>negotiated_rates</c>.</summary>
    public static TheoryData<string, string> ItemHeads() => new()
    {
        { "usual order", CodeFields },
        { "other order", "\"billing_code\":\"77054\",\"description\":\"d\",\"billing_code_type_version\":\"2025\",\"name\":\"Service\",\"billing_code_type\":\"CPT\",\"negotiation_arrangement\":\"bundle\"" },
        { "whitespace", "\n  \"negotiation_arrangement\" : \"capitation\" ,\r\n\t\"name\":\"Service\", \"billing_code_type\":\"CPT\",\"billing_code_type_version\":\"2025\",\"billing_code\":\"77054\",\"description\":\"d\" " },
        { "escaped code", CodeFields.Replace("\"77054\"", "\"7705\\u0034\"", StringComparison.Ordinal) },
        { "escaped name", CodeFields.Replace("\"Service\"", "\"Serv\\\"ice\"", StringComparison.Ordinal) },
        { "non-ASCII code", CodeFields.Replace("\"77054\"", "\"7705é\"", StringComparison.Ordinal) },
        { "invalid UTF-8 code", CodeFields.Replace("\"77054\"", "\"7705<FF>\"", StringComparison.Ordinal) },
        { "invalid UTF-8 description", CodeFields.Replace("\"d\"", "\"<FF>\"", StringComparison.Ordinal) },
        { "repeated code", CodeFields + ",\"billing_code\":\"77055\"" },
        { "unknown member", CodeFields + ",\"x_extra\":[1,{\"a\":null}]" },
        { "bundled codes", CodeFields.Replace("\"ffs\"", "\"bundle\"", StringComparison.Ordinal) + ",\"bundled_codes\":[{\"billing_code_type\":\"CPT\",\"billing_code_type_version\":\"2025\",\"billing_code\":\"1\",\"description\":\"x\"}]" },
        { "bad arrangement", CodeFields.Replace("\"ffs\"", "\"FFS\"", StringComparison.Ordinal) },
        { "null code", CodeFields.Replace("\"77054\"", "null", StringComparison.Ordinal) },
        { "code missing", CodeFields.Replace(",\"billing_code\":\"77054\"", "", StringComparison.Ordinal) },
        { "nothing before the rates", "" },
    };
}
