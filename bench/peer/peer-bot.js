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

async function drive(first, count) {
    for (let c = first; c < first + count; c++) {
        const conversation = { id: 'c' + c };
        const from = { id: 'u' + c, role: 'user' };
        for (let t = 0; t < turns; t++) {
            await adapter.processActivity({ type: ActivityTypes.Message, text: flow.script[t % flow.script.length], conversation, from });
            replies += adapter.activeQueue.length;
            adapter.activeQueue.length = 0;
        }
    }
}

(async () => {
    await drive(conversations, warmup);
    replies = 0;
    const start = process.hrtime.bigint();
    await drive(0, conversations);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const total = conversations * turns;
    console.log(JSON.stringify({
        runtime: 'botbuilder-js-memory',
        bot: 'peer',
        conversations,
        turns: total,
        replies,
        seconds: Number(seconds.toFixed(3)),
        turnsPerSecond: Math.round(total / seconds),
        meanMicroseconds: Number((seconds * 1e6 / total).toFixed(1)),
    }));
})().catch((error) => {
    console.error(error);
    process.exit(1);
});
