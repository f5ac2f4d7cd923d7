using IntegrationBot.Dialogs.Activities;
using IntegrationBot.Knowledge.Text;

namespace IntegrationBot.Channels.Terminal;

/// <summary>
/// The terminal both adapter and sender talk to: prints bot messages and remembers the last buttons shown, so a typed
/// number or button title can be turned into the button's value.
/// </summary>
public sealed class TerminalConsole(TextWriter output)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<CardAction> _buttons = [];

    public void Print(Activity activity)
    {
        lock (_gate)
        {
            if (!string.IsNullOrWhiteSpace(activity.Text))
            {
                output.WriteLine(activity.Text);
            }

            var buttons = new List<CardAction>();
            foreach (var card in activity.Attachments?.Select(a => a.AsHeroCard()).OfType<HeroCard>() ?? [])
            {
                foreach (var line in new[] { card.Title, card.Subtitle, card.Text }.Where(l => !string.IsNullOrWhiteSpace(l)))
                {
                    output.WriteLine(line);
                }

                buttons.AddRange(card.Buttons ?? []);
            }

            buttons.AddRange(activity.SuggestedActions?.Actions ?? []);
            for (var i = 0; i < buttons.Count; i++)
            {
                output.WriteLine($"  [{i + 1}] {buttons[i].Title}");
            }

            if (buttons.Count > 0)
            {
                _buttons = buttons;
            }

            output.Flush();
        }
    }

    /// <summary>What the user meant: a button's value when the line is its number or title, else the line itself.</summary>
    public string Resolve(string line)
    {
        lock (_gate)
        {
            var trimmed = line.Trim();
            if (int.TryParse(trimmed, out var number) && number >= 1 && number <= _buttons.Count)
            {
                return ValueOf(_buttons[number - 1]);
            }

            var folded = TextNormalizer.Fold(trimmed);
            var byTitle = _buttons.FirstOrDefault(b => TextNormalizer.Fold(b.Title) == folded);
            return byTitle is null ? trimmed : ValueOf(byTitle);
        }
    }

    private static string ValueOf(CardAction button) =>
        button.Type == CardAction.OpenUrl ? button.Title : button.Value ?? button.Title;
}
