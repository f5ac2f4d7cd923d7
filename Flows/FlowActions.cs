namespace IntegrationBot.Flows;

/// <summary>What a button means (<see cref="State.OfferedAction.Action"/>); stored in state, so the values never change.</summary>
public static class FlowActions
{
    public const string Language = "language";
    public const string ChangeLanguage = "changeLanguage";
    public const string PrivacyAccept = "privacyAccept";
    public const string PrivacyMore = "privacyMore";
    public const string PrivacyDecline = "privacyDecline";
    public const string Category = "category";
    public const string Topic = "topic";
    public const string Details = "details";
    public const string HelpfulYes = "helpfulYes";
    public const string HelpfulNo = "helpfulNo";
    public const string NoneOfThese = "noneOfThese";
    public const string Counselor = "counselor";
    public const string UrgentCounselor = "urgentCounselor";
    public const string Menu = "menu";
    public const string Help = "help";
    public const string Privacy = "privacy";
    public const string Delete = "delete";
    public const string SwitchYes = "switchYes";
    public const string SwitchNo = "switchNo";
    public const string Plan = "plan";
    public const string PlanAnswer = "planAnswer";
    public const string PlanDone = "planDone";
    public const string PlanDoneAsk = "planDoneAsk";
    public const string PlanEdit = "planEdit";
    public const string PlanRemindYes = "planRemindYes";
    public const string PlanRemindNo = "planRemindNo";
    public const string PlanStop = "planStop";
}
