using System.Text;
using IntegrationBot.Knowledge.Content;
using IntegrationBot.Knowledge.Languages;

namespace IntegrationBot.Knowledge.Tests;

/// <summary>Writes a small but complete knowledge base (all required topic ids) into a temp directory.</summary>
public sealed class ContentFixture : IDisposable
{
    // Distinct, realistic questions for a few topics, so retrieval tests have something real to find.
    private static readonly Dictionary<string, Dictionary<string, string[]>> RealQuestions = new()
    {
        ["bank-account"] = new()
        {
            ["en"] = ["How do I open a bank account?", "bank account", "open account at a bank", "which documents does the bank need", "can a foreigner open a bank account", "iban for my salary", "where to get a bank card", "bank account opening"],
            ["sl"] = ["Kako odprem bančni račun?", "bančni račun", "odprtje računa na banki", "katere dokumente rabi banka", "ali lahko tujec odpre račun", "trr za plačo", "kje dobim bančno kartico", "racun na banki"],
            ["sq"] = ["Si të hap një llogari bankare?", "llogari bankare", "hapja e llogarisë në bankë", "çfarë dokumentesh kërkon banka", "a mund të hapë llogari një i huaj", "llogaria për rrogën", "ku marr kartë bankare", "llogari ne banke"],
            ["hbs"] = ["Kako da otvorim račun u banci?", "bankovni račun", "otvaranje računa u banci", "koje dokumente traži banka", "može li stranac otvoriti račun", "račun za platu", "gdje dobijem bankovnu karticu", "racun u banci"],
            ["ar"] = ["كيف أفتح حسابا بنكيا؟", "حساب بنكي", "فتح حساب في البنك", "ما هي الوثائق التي يطلبها البنك", "هل يمكن للأجنبي فتح حساب", "حساب للراتب", "اين احصل على بطاقة بنكية", "الحساب المصرفي"],
        },
        ["doctor"] = new()
        {
            ["en"] = ["How do I choose a family doctor?", "personal doctor", "I need a GP", "where is the health centre", "find a dentist", "gynaecologist for my wife", "doctor for my child", "change my doctor"],
            ["sl"] = ["Kako izberem osebnega zdravnika?", "osebni zdravnik", "potrebujem zdravnika", "kje je zdravstveni dom", "iščem zobozdravnika", "ginekolog za ženo", "zdravnik za otroka", "zamenjava zdravnika"],
            ["sq"] = ["Si të zgjedh mjekun e familjes?", "mjeku personal", "më duhet një mjek", "ku është qendra shëndetësore", "kërkoj dentist", "gjinekolog për gruan", "mjek për fëmijën", "ndërrimi i mjekut"],
            ["hbs"] = ["Kako da izaberem porodičnog doktora?", "lični ljekar", "trebam doktora", "gdje je dom zdravlja", "tražim zubara", "ginekolog za ženu", "doktor za dijete", "promjena doktora"],
            ["ar"] = ["كيف أختار طبيب العائلة؟", "طبيب شخصي", "أحتاج طبيبا", "أين المركز الصحي", "أبحث عن طبيب أسنان", "طبيبة نسائية لزوجتي", "طبيب لطفلي", "تغيير الطبيب"],
        },
    };

    public ContentFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kb-fixture-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(TopicsDirectory);
        foreach (var id in RequiredTopics.Ids)
        {
            WriteTopic(id, TopicYaml(id));
        }

        File.WriteAllText(Path.Combine(Directory, "intents.yaml"), IntentsYaml);
    }

    public string Directory { get; }

    public string TopicsDirectory => Path.Combine(Directory, "topics");

    public const string IntentsYaml = """
        handoff:
          en: [counselor*, real person, talk* someone]
          sl: [svetoval*, clovek*]
          sq: [keshilltar*, njeri*]
          hbs: [savjetnik*, savetnik*, covjek*, covek*]
          ar: [موظف, مستشار*]
        emergency:
          en: [hitting me, kill myself, fire in]
          sl: [me tepe, samomor*, gori]
          sq: [me rreh, vetvras*]
          hbs: [me tuce, me bije, samoubistv*, gori]
          ar: [يضربني, انتحار]
        greeting:
          en: [= hello]
          sl: [= zdravo]
          sq: [= pershendetje]
          hbs: [= zdravo]
          ar: [= مرحبا]
        thanks:
          en: [= thanks]
          sl: [= hvala]
          sq: [= faleminderit]
          hbs: [= hvala]
          ar: [= شكرا]
        """;

    public void WriteTopic(string id, string yaml) => File.WriteAllText(Path.Combine(TopicsDirectory, id + ".yaml"), yaml);

    public void Rewrite(string id, Func<string, string> change) =>
        WriteTopic(id, change(File.ReadAllText(Path.Combine(TopicsDirectory, id + ".yaml"))));

    public TopicCatalog Load() => TopicCatalog.LoadFromDirectory(Directory);

    public static string TopicYaml(string id)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine($"id: {id}");
        yaml.AppendLine(id == "office-contact" ? "category: office" : "category: documents");
        yaml.AppendLine(id == "emergency-numbers" ? "flags: [emergency]" : "flags: []");
        yaml.AppendLine(id == "bank-account" ? "related: [tax-number]" : "related: []");
        yaml.AppendLine("reviewed:");
        foreach (var language in Language.All)
        {
            yaml.AppendLine($"  {language}: {{on: 2026-11-01, by: Test Reviewer}}");
        }

        yaml.AppendLine("sources:\n  - https://www.gov.si/en/");
        yaml.AppendLine("title:");
        foreach (var language in Language.All)
        {
            yaml.AppendLine($"  {language}: \"{id} {language}\"");
        }

        yaml.AppendLine("answer:");
        foreach (var language in Language.All)
        {
            yaml.AppendLine($"  {language}: \"Answer about {id} in {language}. Ask {{office.name}}.\"");
        }

        yaml.AppendLine("questions:");
        foreach (var language in Language.All)
        {
            yaml.AppendLine($"  {language}:");
            var questions = RealQuestions.TryGetValue(id, out var real)
                ? real[language]
                : Enumerable.Range(1, 8).Select(i => $"{id.Replace('-', ' ')} {language} question number {i}").ToArray();
            foreach (var question in questions)
            {
                yaml.AppendLine($"    - \"{question}\"");
            }
        }

        yaml.AppendLine("keywords:");
        foreach (var language in Language.All)
        {
            yaml.AppendLine($"  {language}: [\"{id}\"]");
        }

        return yaml.ToString();
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
