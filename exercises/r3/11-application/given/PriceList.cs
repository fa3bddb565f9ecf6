namespace Applications;

/// <summary>A call to the catalog: its reply is the whole price list, an <c>IReadOnlyDictionary&lt;string, decimal&gt;</c>.</summary>
public sealed record PriceList;
