using System.Globalization;

namespace IntegrationBot.Channels.Common;

/// <summary>What keyboard layouts need to know of a button title to lay out rows as a person reads them.</summary>
public static class ButtonKinds
{
    /// <summary>A scale point ("1" … "5"): a run of them is one row, the scale.</summary>
    public static bool IsScalePoint(string title) => new StringInfo(title.Trim()).LengthInTextElements <= 2;

    /// <summary>A title that opens with a symbol (👍 Yes, 👎 No, 🌐 Change language): the flows put such buttons after the
    /// topics, and one starts a new row after a topic so a pair like 👍 / 👎 is never split across rows.</summary>
    public static bool IsMarked(string title)
    {
        foreach (var c in title)
        {
            if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue; // direction marks and isolates around a right-to-left title
            }
            return !char.IsLetterOrDigit(c);
        }
        return false;
    }

    /// <summary>Whether <paramref name="title"/> begins a new group after <paramref name="previous"/>.</summary>
    public static bool StartsGroup(string previous, string title) => IsMarked(title) && !IsMarked(previous);
}
