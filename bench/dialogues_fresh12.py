"""A twelfth development set of practice dialogues, written on 2026-11-25 by a helper engineer who read only the data format and the label meanings (the coach may be tuned on it; dialogues_heldout.py is the set not to tune on)."""

from __future__ import annotations

from .dialogues import BC, CUT, OVER, Dialogue, L, P

FROST_ORCHARD = Dialogue(
    "fr12-frost-orchard",
    "a Welsh apple grower whose blossom was killed by a late frost, talking to a friend",
    "flite:awb",
    "espeak:en-gb",
    (
        P("Well, that's it then. Three nights of frost at the end of April and the blossom's gone. "
          "Near enough the whole orchard."),
        BC("Oh no.", at=0.6),
        L("That's a gut punch, after all the work you put in.", "validation"),
        P("Forty years my father had those trees. I was out there at two in the morning with the "
          "braziers going, and it didn't matter a jot."),
        BC("Mm.", at=0.5),
        L("So you did everything you could, and it still wasn't enough.", "reflection"),
        P("Exactly that. My cousin Gwyn reckons I should ring the cider company now and tell them "
          "straight, before they hear it from somebody else.", "quotes_advice"),
        L("What do you make of that?", "open_question"),
        P("He's probably right. But it's the bank that frightens me. There's the tractor loan, and the "
          "payment's due in August whatever the trees decide to do."),
        CUT("Have you looked at crop insurance? Some policies pay out for frost.",
            "advice", "closed_question", at=0.75),
        P("I dropped the frost cover two years back. It was too dear."),
        L("Well, you shouldn't have dropped it, should you.", "judgment"),
        P("Thank you, I do know that now. And the lads who come picking every September, I'll have to "
          "tell them there's no work this year."),
        OVER("What if you kept them on for the pruning instead?", "advice", at=0.7),
        P("Letting them down is what keeps me awake. More than the money, almost."),
        BC("Mm-hmm.", at=0.5),
        L("It's the people relying on you that's weighing on you.", "reflection"),
        P("Yes. What would you do, in my boots? Honestly.", "asks_advice"),
        L("Honestly, I'd ring the cider people this week, then sit down with Sian and the bank with the "
          "numbers in front of you.", "advice"),
        P("That's what Gwyn said, the old goat. Saying it out loud makes it real, that's all."),
        BC("Right.", at=0.5),
    ),
)

FOSTER_GOODBYE = Dialogue(
    "fr12-foster-goodbye",
    "a foster carer whose little boy has gone home to his birth mother, talking to a peer-support volunteer",
    "flite:slt",
    "piper:joe",
    (
        P("So, um, Kayden went back to his mum on Friday. Which is, you know, the plan, it was always "
          "the plan. But I keep finding his socks everywhere."),
        BC("Mm-hmm.", at=0.4),
        L("Still finding his socks.", "reflection"),
        P("Behind the radiator, in the dog's bed. Nineteen months he was with us. He came not saying a "
          "word, and now he sings the bin lorry song."),
        BC("Wow.", at=0.7),
        L("That must be so painful, after nineteen months.", "validation"),
        P("It is. My social worker said I ought to take a break before the next placement. But the "
          "agency rang on Monday, asking about three sisters.", "quotes_advice"),
        CUT("Take the break. Just tell the agency no for now.", "advice", at=0.85),
        P("Well, maybe. Nobody else in the county will take three. And part of me wants to say yes, so "
          "the house isn't so quiet."),
        L("So the quiet is a big part of what's hard.", "reflection"),
        P("Yeah. His mum sent a card with a drawing in it, and I cried for an hour over a green blob "
          "that was apparently me."),
        BC("Mm.", at=0.6),
        L("When I was fostering I kept every drawing in a folder. My wife calls me a hoarder.",
          "self_focus"),
        P("Oh, right. Um. I just want to know I can keep doing this without falling apart, like the "
          "carers who've done it for years."),
        OVER("There's a carers' group at the library on Thursdays, you should go.", "advice", at=0.7),
        P("I don't want to be told how to feel. I just want to know crying over a blob is normal."),
        L("It sounds completely normal. You loved him, and you still do.", "validation", "reflection"),
        P("Thanks. I still don't know what to tell the agency."),
        L("Maybe you could ask them for a month before you decide.", "advice"),
        P("A month. Yeah, I could ask for that."),
    ),
)

FIDDLER_HEARING = Dialogue(
    "fr12-fiddler-hearing",
    "a Scottish ceilidh fiddler losing hearing in one ear, talking to a bandmate",
    "flite:rms",
    "espeak:en-us+f3",
    (
        P("Got the results. Hearing's down again on the left. Audiologist says it's not coming back."),
        BC("Oh no.", at=0.7),
        L("Not coming back at all?", "closed_question"),
        P("No. And the ringing. Constant. Like a kettle that never boils."),
        L("That sounds relentless.", "validation"),
        P("Thing is, I tune by ear. Last ceilidh I was flat the whole second set and didn't know till "
          "Morag gave me the look."),
        BC("Right.", at=0.5),
        L("So you can't trust your own ear on stage any more.", "reflection"),
        P("Aye. Thirty years playing, since my granny's half-size fiddle. Maybe I just stop. Sell the "
          "fiddle and be done."),
        CUT("Don't sell it! Get a clip-on tuner and keep going.", "advice", at=0.85),
        P("A tuner's not the problem. It's hearing the pipes and the box and fitting in."),
        BC("Uh-huh.", at=0.5),
        L("You're being a bit dramatic. Loads of folk play with worse.", "judgment"),
        P("Doesn't feel dramatic from in here. The audiologist said in-ear monitors would help, but "
          "they're eight hundred quid a pair.", "quotes_advice"),
        OVER("Eight hundred?", "closed_question", at=0.9),
        P("Eight hundred. And Morag'll be gutted, she's the one who got me into the band."),
        OVER("Tell Morag first, she'll understand.", "advice", at=0.6),
        L("When are you thinking of telling the band?", "open_question"),
        P("Thursday, maybe. At practice."),
        L("I've an idea about the money side, if you want it.", "permission"),
        P("Go on then.", "asks_advice"),
        L("There's a fiddler in Oban went half deaf and got a union grant for his monitors. Plays every "
          "weekend now.", "advice"),
        P("Did he? I didn't know the union did that."),
    ),
)

BAKERY_RENT = Dialogue(
    "fr12-bakery-rent",
    "a Nigerian-British baker in south London whose landlord wants a huge rent rise, talking to his sister",
    "piper:joe",
    "espeak:en-us+f4",
    (
        P("Ehn, the landlord's letter came this morning. They want the rent up from eighteen hundred "
          "to two thousand seven hundred a month."),
        OVER("Two thousand seven hundred?", "closed_question", at=0.9),
        P("Yes o. Nine hundred more, every month, for the same small shop with the leaking back door."),
        BC("Wow.", at=0.4),
        L("That's a massive jump. No wonder you're rattled.", "validation"),
        P("Eleven years I've been there. People come from Croydon for my meat pies. And now it's "
          "thank you, goodbye."),
        BC("Mm-hmm.", at=0.5),
        L("So after eleven years your loyalty counts for nothing.", "reflection"),
        P("Exactly. Tunde at the barber's got the same letter. He's getting a solicitor, because the "
          "lease says reviews only every five years."),
        OVER("You should get a solicitor too, go in with Tunde.", "advice", at=0.6),
        P("I can't even read these letters properly, it's all whereas and notwithstanding."),
        CUT("Get the lease to a lawyer then, it's one phone call.", "advice", at=0.6),
        P("With what money? Sometimes I think, just close. Work at the supermarket bakery, clock in, "
          "clock out."),
        L("You're overreacting. You can't throw away eleven years over one letter.", "judgment"),
        P("I'm not throwing anything away. I'm tired. Four o'clock every morning."),
        BC("Yeah.", at=0.6),
        L("Four every morning for eleven years, anyone would be tired. Sorry.", "validation"),
        P("It's fine. You did that business course. Any ideas?", "asks_advice"),
        L("How about asking the landlord to put the figure in writing, and taking it to Citizens Advice "
          "before you answer?", "advice"),
        P("Okay. That I can do."),
        L("And, you know, Mum was saying the church hall kitchen's empty most weekdays, so, I don't "
          "know, maybe the pies...", "advice"),
        P("Mummy will want her rent paid in prayers. Let me think about it."),
        L("What would you want things to look like this time next year?", "open_question"),
        P("Still baking. Same street, if I can."),
    ),
)

WIDOWER_KITCHEN = Dialogue(
    "fr12-widower-kitchen",
    "a widowed grandfather learning to cook from his late wife's recipe book, talking to his grandchild",
    "espeak:en-gb",
    "flite:slt",
    (
        P("Your grandmother did all the cooking for fifty-two years, you know. When she went, I lived on "
          "tinned soup for three months."),
        BC("Mm-hmm.", at=0.5),
        L("That must have been a lonely time.", "validation"),
        P("It was rather. So I found her recipe book, all in her handwriting, and tried her shepherd's "
          "pie for Sunday."),
        L("What was it like, cooking from her handwriting?", "open_question"),
        P("Her handwriting says things like a good handful. And I had the oven far too hot, and the top "
          "went black while the middle was cold."),
        CUT("You want it at about one eighty, Grandad, with foil over the top.", "advice", at=0.8),
        P("Yes, dear, the smoke alarm told me. The point is, I thought, she'd have laughed at me. And I "
          "couldn't ring her and tell her."),
        BC("Mm.", at=0.6),
        L("So it wasn't really the pie. It's that she's the one you'd have told.", "reflection"),
        P("Quite so. Mrs Patel across the road says I ought to join the men's cooking class at the "
          "community centre.", "quotes_advice"),
        BC("Uh-huh.", at=0.5),
        L("Are you thinking of going?", "closed_question"),
        P("I might. Though the house is so quiet in the mornings that I've started talking back to the "
          "radio, which can't be healthy."),
        OVER("You could go along with Mr Okafor from church, he's on his own too.", "advice", at=0.7),
        L("Oh, don't be daft, everyone talks to the radio. Cheer up.", "judgment"),
        P("Hmm. Perhaps."),
        L("Sorry. It sounds like you miss her most in the quiet bits of the day.", "reflection"),
        P("Yes. The quiet bits. What's an easy thing to start with, dear?", "asks_advice"),
        L("Start with an omelette. Three eggs and a knob of butter.", "advice"),
        P("An omelette I can manage."),
        L("I'm coming Saturday anyway with your prescription. I'll bring a crumble."),
        P("Bring your appetite. I'm trying that pie again."),
    ),
)

INVOICE_SCAM = Dialogue(
    "fr12-invoice-scam",
    "a Canadian print-shop owner who paid a fake supplier invoice, talking to the friend who runs the shop "
    "next door",
    "espeak:en-us+f3",
    "flite:awb",
    (
        P("You know our paper supplier emails an invoice every month? Three weeks ago one came saying "
          "they'd changed banks. Same logo, same guy. And I paid it. Sixty-four hundred dollars."),
        OVER("Six grand?", "closed_question", at=0.9),
        P("Sixty-four hundred. I found out when the real supplier phoned. I had to sit down on the floor."),
        BC("Gosh.", at=0.6),
        L("That sounds like an awful moment.", "validation"),
        P("And the bank says since I authorized it myself, they probably can't reverse it, and the lady "
          "was nice about it but..."),
        CUT("Hang on, the bank won't reverse it?", "closed_question", at=0.75),
        P("Probably not. She said I should report it to the police and the anti-fraud centre.",
          "quotes_advice"),
        L("Marcel told me the police get dozens of these a week."),
        P("Great. Twenty years in business, eh, and I fell for the oldest trick there is."),
        CUT("Okay, first thing, you need two-step verification on that email today.", "advice", at=0.7),
        P("Marcel's doing that. But that's not what's eating me."),
        L("What is, then?", "open_question"),
        P("That I trusted it. Now I can't even open the hydro bill without my heart going."),
        BC("Yeah.", at=0.5),
        L("So it's shaken your trust in your own judgement.", "reflection"),
        P("Yeah. And sixty-four hundred is basically our Christmas. Staff bonuses, the new laminator, "
          "all of it."),
        OVER("Could you ask your accountant about writing it off as a loss?", "advice", "closed_question",
             at=0.6),
        L("Do you want to hear a thought I had, or would you rather just vent?", "permission",
          "closed_question"),
        P("Just vent, if that's okay."),
        L("Of course. Go on."),
        P("I built this place from one photocopier in my garage. It feels like I held the door open for "
          "the thief."),
        BC("Mm.", at=0.5),
        L("Well, you kind of did. You never checked the bank change.", "judgment"),
        P("Wow. Okay."),
        L("Sorry, that was unkind. Anyone could have been fooled. My neighbour got hit by the same thing, "
          "told her staff the next morning, and they were great about it.", "validation", "advice"),
        P("Huh. Maybe they'd be okay."),
    ),
)

NIGHTSHIFT_NEWBORN = Dialogue(
    "fr12-nightshift-newborn",
    "a South African nurse on night shifts with a four-month-old baby, talking to her husband",
    "espeak:en-us+f4",
    "espeak:en-us+m3",
    (
        P("Ag, I don't know where to start. Three nights on the ward, then Lwazi teething all day. I've "
          "slept maybe five hours since Tuesday."),
        BC("Yeah.", at=0.5),
        L("You must be running on empty.", "reflection"),
        P("Last night I nearly gave the wrong dose to the man in bed four. I caught it, but afterwards I "
          "sat in the sluice room and shook."),
        OVER("No way!", at=0.4),
        L("That sounds really frightening.", "validation"),
        P("And my mom means well, shame, but she keeps saying I should stop breastfeeding so you can do "
          "the night feeds.", "quotes_advice"),
        BC("Mm.", at=0.6),
        L("How do you feel about what she's saying?", "open_question"),
        P("Cross. Feeding him is the only time I sit still with him. And now the roster has me on nights "
          "again for most of the month, and I just..."),
        CUT("Nights again?", "closed_question", at=0.85),
        P("Twelve of them. Sister Naidoo says she can't change it, two of the girls are on leave."),
        BC("Oh no.", at=0.4),
        L("Why don't you go over her head to the unit manager?", "advice"),
        P("It's not that simple. They're short everywhere, and if I make a fuss they'll remember it at "
          "review time."),
        OVER("Then swap with someone who hasn't got kids.", "advice", at=0.7),
        P("I feel like I'm not good at either thing right now. Not a good nurse, not a good mother."),
        L("I know the feeling. Last week I put the car keys in the fridge.", "self_focus"),
        P("Ja, it's not the same, hey."),
        L("No, it's not. It sounds like you feel you're failing at both, even while you're holding it "
          "all together.", "reflection"),
        P("Maybe. Can you take Saturday night with him? I'll express."),
        L("Of course. I'll do Saturday and Sunday. And have you thought about asking occupational health "
          "to look at your roster?", "advice", "closed_question"),
        P("I hadn't. Maybe."),
    ),
)

ROLEPLAY_NONBINARY = Dialogue(
    "fr12-roleplay-nonbinary",
    "a counselling-trainee role-play: a Pakistani mother in Birmingham whose sixteen-year-old has come out "
    "as non-binary",
    "flite:slt",
    "flite:rms",
    (
        P("Thank you for seeing me. My child, sixteen, told us last month they are not a girl and not a "
          "boy. Non-binary. They want to be called Zain now."),
        BC("Mm-hmm.", at=0.5),
        L("That's a lot to take in.", "validation"),
        P("It is. I love my child. But my husband has hardly spoken to them since, my mother-in-law "
          "worries what people will say, and I am in the middle."),
        BC("I see.", at=0.6),
        L("So you're caught between your child and the rest of the family.", "reflection"),
        P("Yes. My sister in Lahore says I should give it time, it is only a phase. But I, I do not...",
          "quotes_advice"),
        CUT("It might help to read up on it properly, and then talk with Zain directly.", "advice",
            at=0.85),
        P("Let me finish. I do not think it is a phase. They were unhappy for years, and now they sing in "
          "the shower."),
        L("You've noticed they're happier.", "reflection"),
        P("Yes. And I am glad, and I am also grieving for my daughter. Is that terrible?"),
        L("Not at all. Lots of parents feel both at once.", "validation"),
        P("I did not expect that. There is a group in Birmingham for South Asian parents, and I am "
          "thinking perhaps I will go."),
        OVER("Yes, go, and take your husband with you.", "advice", at=0.8),
        P("Alone, the first time. I am not ready to bring my husband."),
        L("When are you thinking of going?", "open_question"),
        P("The second Sunday. I have written it in my diary, in pencil."),
        BC("Mm.", at=0.6),
        L("Part of you is ready, and part of you is keeping a way out.", "reflection"),
        P("Yes. That is exactly right."),
        L("Would it help if I shared a resource other parents have found useful?", "permission",
          "closed_question"),
        P("Yes, please.", "asks_advice"),
        L("There's a short booklet for families from a charity. It might be worth reading it together "
          "with Zain.", "advice"),
        P("Together. Yes. I will look for it."),
    ),
)

FRESH12_DIALOGUES = (
    FROST_ORCHARD,
    FOSTER_GOODBYE,
    FIDDLER_HEARING,
    BAKERY_RENT,
    WIDOWER_KITCHEN,
    INVOICE_SCAM,
    NIGHTSHIFT_NEWBORN,
    ROLEPLAY_NONBINARY,
)
