// The demo blog `pnpm db:seed` writes: one person of each role, their posts, a post waiting for
// review and one scheduled to go live by itself.
import type { Role } from "@folio/db";

export const DEMO_USERS = [
  { username: "alice", email: "alice@example.com", password: "alice-demo-password", role: "owner" },
  { username: "bob", email: "bob@example.com", password: "bob-demo-password", role: "editor" },
  {
    username: "carol",
    email: "carol@example.com",
    password: "carol-demo-password",
    role: "author",
  },
  { username: "dana", email: "dana@example.com", password: "dana-demo-password", role: "admin" },
  {
    username: "erin",
    email: "erin@example.com",
    password: "erin-demo-password",
    role: "contributor",
  },
  { username: "rory", email: "rory@example.com", password: "rory-demo-password", role: "reader" },
] as const satisfies readonly { username: string; email: string; password: string; role: Role }[];

export type DemoUsername = (typeof DEMO_USERS)[number]["username"];

/** [author, title, opening paragraph]; posts are listed oldest first. */
export const DEMO_POSTS: [DemoUsername, string, string][] = [
  [
    "alice",
    "Why I moved my side projects to SQLite",
    "For years every side project started with a Postgres container. Most of them never needed one.",
  ],
  [
    "bob",
    "Sourdough, week one: the starter that wouldn't",
    "Day three and my starter smells like nail polish. The internet says this is normal. The internet says many things.",
  ],
  [
    "carol",
    "Notes from a slow bicycle tour of the Loire",
    "Forty kilometres a day sounds lazy until you add the châteaux, the bakeries and a headwind.",
  ],
  [
    "alice",
    "Keyset pagination in five minutes",
    "Offset pagination is easy to write and quietly gets slower with every page. Keysets fix both problems.",
  ],
  [
    "bob",
    "A field guide to the mushrooms on my lawn",
    "None of them are for eating. All of them are for looking at closely with a cheap magnifying glass.",
  ],
  [
    "carol",
    "What I learned teaching my dad to use a password manager",
    "The hardest part was not the software. It was convincing him that 'Fluffy1952' was not a secret.",
  ],
  [
    "alice",
    "Type-safe APIs without code generation",
    "Sharing a router type between server and client sounds like magic until you see how little is needed.",
  ],
  [
    "bob",
    "The case for boring breakfasts",
    "Oats, fruit, coffee. Every day. I have never been more productive or less interesting at brunch.",
  ],
  [
    "carol",
    "Repairing a 1970s radio with a multimeter and patience",
    "The radio came from a flea market for five euros. The capacitors cost more than that.",
  ],
  [
    "alice",
    "Rate limiting login attempts, properly",
    "Counting failures per address is not enough: an attacker with many addresses aims at one account.",
  ],
  [
    "bob",
    "Sourdough, week four: bread, finally",
    "It rose. It had an ear. It tasted faintly of vinegar and triumph.",
  ],
  [
    "carol",
    "A small ode to paper maps",
    "A phone tells you where you are. A map tells you where else you could be.",
  ],
  [
    "alice",
    "Migrations you can run twice",
    "A migration runs on your laptop, in CI and in production. It should behave the same in all three.",
  ],
  [
    "bob",
    "Ten houseplants I have not killed yet",
    "The snake plant thrives on neglect, which makes us compatible.",
  ],
  [
    "carol",
    "Learning Portuguese at forty",
    "Duolingo taught me to say the turtle drinks milk. A neighbour taught me everything else.",
  ],
  [
    "alice",
    "Graceful shutdown is a feature",
    "A deploy should never cut a user off mid-request. Making sure of that takes about twenty lines.",
  ],
  [
    "bob",
    "Why my bike has three bells",
    "One for pedestrians, one for other cyclists and one for geese. The geese do not care.",
  ],
  [
    "carol",
    "The quiet joy of a well-organised toolbox",
    "Every tool has a place, and the place has a label, and the label was made with another tool.",
  ],
  [
    "alice",
    "Content Security Policy for single-page apps",
    "A strict CSP costs nothing when the bundler already puts every script in a file.",
  ],
  [
    "bob",
    "Making pasta by hand with a rolling pin",
    "No machine, no problem. Just flour, eggs and an afternoon you did not need for anything else.",
  ],
  [
    "carol",
    "Reading old letters from my grandmother",
    "She wrote about the weather in every letter, and somehow it was never boring.",
  ],
  [
    "alice",
    "Structured logs that help at 3 a.m.",
    "One JSON line per request, with the user, the path and the time it took. Nothing more, nothing secret.",
  ],
  [
    "bob",
    "Our street's tomato competition, results",
    "Mrs. Okafor won again. There are rumours about fish fertiliser. Nothing has been proven.",
  ],
  [
    "carol",
    "How I plan a week without a planner",
    "A sheet of paper folded in eight. One box per day, one box for whatever does not fit.",
  ],
  [
    "alice",
    "Testing a server by starting the real thing",
    "Mocks tell you what you assumed. A child process on a random port tells you what happens.",
  ],
  [
    "bob",
    "Sourdough, month three: I have opinions now",
    "Hydration, autolyse, bulk fermentation. I use these words at parties. I am not invited to many parties.",
  ],
  [
    "carol",
    "A weekend fixing a wobbly kitchen table",
    "The wobble was one leg, two screws and a decade of pretending it did not bother me.",
  ],
  [
    "alice",
    "Why tokens are not cookies in this app",
    "Bearer tokens in a header cannot be sent by another site's form. That removes a whole class of attacks.",
  ],
  [
    "bob",
    "The best walk in the city is the one to the bakery",
    "It is twelve minutes long, downhill on the way there and uphill when I have earned it.",
  ],
  [
    "carol",
    "Things my cat has taught me about deadlines",
    "Dinner is at six. Not five past six. The cat has been very clear about this.",
  ],
  [
    "alice",
    "One process, one port: serving an SPA and its API",
    "Same origin means no CORS, simple cookies-free auth, and one thing to deploy.",
  ],
  [
    "bob",
    "Rain, a kettle and a very long book",
    "Some Sundays are for doing things. This one was for page 412 of 900.",
  ],
];

/** Not published yet: [author, title, opening, state]. */
export const DEMO_UNPUBLISHED: [DemoUsername, string, string, "pending" | "scheduled" | "draft"][] =
  [
    [
      "erin",
      "My first week as a contributor",
      "I wrote this, and an editor will read it before anyone else does. That is the whole point of review.",
      "pending",
    ],
    [
      "carol",
      "Next week: the Loire, part two",
      "This one is written already. It goes live by itself in three days; nobody has to press a button.",
      "scheduled",
    ],
    [
      "carol",
      "Half an idea about bicycle bells",
      "Only I and the editors can see this draft until I publish it.",
      "draft",
    ],
  ];

export const DEMO_BODY = [
  "I kept notes along the way, mostly so that future me stops repeating the same mistakes.",
  "The first attempt went badly, which is usually how the interesting ones start.",
  "If you try this yourself, start smaller than you think you need to. You can always grow it later.",
  "Thanks to everyone who wrote in after the last post. Your suggestions are in here, credited where I remembered.",
];
