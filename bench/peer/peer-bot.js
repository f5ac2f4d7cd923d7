// The peer side of the comparison: the flow of PeerFlowBot (greeting, choice prompt in a waterfall, answer) written on
// Bot Framework's JavaScript SDK, run in-process on its TestAdapter with MemoryStorage. Texts and the user's script
// come from peer-flow.json, which the C# side reads too. Prints one JSON line like `Turn.Benchmarks timed`.
'use strict';

const fs = require('fs');
const path = require('path');
const { ActivityTypes, ConversationState, MemoryStorage, TestAdapter } = require('botbuilder');
const { ChoicePrompt, DialogSet, DialogTurnStatus, WaterfallDialog } = require('botbuilder-dialogs');

function option(name, fallback) {
    const at = process.argv.indexOf(name);
    return at >= 0 && at + 1 < process.argv.length ? Number(process.argv[at + 1]) : fallback;
}

const flow = JSON.parse(fs.readFileSync(path.join(__dirname, 'peer-flow.json'), 'utf8'));
const conversations = option('--conversations', 1000);
const turns = option('--turns', 6);
const warmup = option('--warmup', 200);

const conversationState = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(conversationState.createProperty('dialogs'));
dialogs.add(new ChoicePrompt('choice'));
dialogs.add(new WaterfallDialog('topic', [
    async (step) => step.prompt('choice', { prompt: flow.prompt, retryPrompt: flow.retry, choices: flow.choices.map((c) => c.title) }),
    async (step) => {
        if (step.result) {
            await step.context.sendActivity(flow.choices[step.result.index].answer);
        }
        return step.endDialog();
    },
]));

async function onTurn(context) {
    if (context.activity.type === ActivityTypes.Message) {
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) {
            await context.sendActivity(flow.greeting);
            await dc.beginDialog('topic');
        }
    }
    await conversationState.saveChanges(context);
}

const adapter = new TestAdapter(onTurn);
let replies = 0;

async function drive(first, count, perTurn) {
    for (let c = first; c < first + count; c++) {
        const conversation = { id: 'c' + c };
        const from = { id: 'u' + c, role: 'user' };
        for (let t = 0; t < turns; t++) {
            const started = process.hrtime.bigint();
            await adapter.processActivity({ type: ActivityTypes.Message, text: flow.script[t % flow.script.length], conversation, from });
            perTurn?.push(Number(process.hrtime.bigint() - started) / 1e3);
            replies += adapter.activeQueue.length;
            adapter.activeQueue.length = 0;
        }
    }
}

// A measure that cannot be computed (no turns) is null, never NaN or Infinity, which JSON.stringify would also write as null
// but silently; this says so on purpose, like the C# side.
function measure(value, decimals = 1) {
    return Number.isFinite(value) ? Number(value.toFixed(decimals)) : null;
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? NaN : sorted[Math.ceil(0.5 * sorted.length) - 1];
}

(async () => {
    await drive(conversations, warmup);
    replies = 0;
    const perTurn = [];
    // CPU time as well as wall time: on a machine shared with other work it is the steadier figure (the process's, like
    // the C# side's cpuMicroseconds, so both count their garbage collector).
    const cpuBefore = process.cpuUsage();
    const start = process.hrtime.bigint();
    await drive(0, conversations, perTurn);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    const total = conversations * turns;
    console.log(JSON.stringify({
        runtime: 'botbuilder-js-memory',
        bot: 'peer',
        conversations,
        turns: total,
        replies,
        seconds: measure(seconds, 3),
        turnsPerSecond: measure(total / seconds, 0),
        meanMicroseconds: measure(seconds * 1e6 / total),
        medianMicroseconds: measure(median(perTurn)),
        cpuMicroseconds: measure((cpu.user + cpu.system) / total),
    }));
})().catch((error) => {
    console.error(error);
    process.exit(1);
});
