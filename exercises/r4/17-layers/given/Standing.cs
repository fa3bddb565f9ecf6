namespace Layers;

/// <summary>One line of a poll's results: an option and how many voters chose it.</summary>
/// <param name="Option">The option.</param>
/// <param name="Votes">How many voters' current choice it is.</param>
public sealed record Standing(string Option, int Votes);
