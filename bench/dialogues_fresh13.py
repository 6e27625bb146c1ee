"""A thirteenth development set of practice dialogues, written on 2026-11-25 by a helper engineer who read only the data format and the label meanings (the coach may be tuned on it; dialogues_heldout.py is the set not to tune on)."""

from __future__ import annotations

from .dialogues import BC, CUT, OVER, Dialogue, L, P

# British friends: a flooded allotment plot that held the partner's late father's rhubarb.
ALLOTMENT = Dialogue("fr13-allotment-flood", "a flooded allotment and a late father's rhubarb",
                     "flite:rms", "flite:slt", (
    P("The allotment's flooded. The brook came over the bank on Thursday and my whole plot has been "
      "sitting under a foot of water ever since. Nobody on the committee has lifted a finger."),
    CUT("Since Thursday?", "closed_question", at=0.75),
    P("Since Thursday. And it's not the veg I mind, it's the rhubarb. Those crowns were Dad's. He split "
      "them off his own plot the spring before he died, and they'll be rotting by now."),
    CUT("Oh, um, you know what, you could, like, maybe ring the council about, er, flood relief or "
        "whatever?", "advice", at=0.8),
    P("I don't care about flood relief. I'm talking about Dad's rhubarb."),
    L("Sorry. So it's not really the garden, it's losing something of his.", "reflection"),
    P("Yeah. Exactly that. Derek from the committee told me to dig the whole thing over and start again "
      "with raised beds.", "quotes_advice"),
    OVER("Raised beds are the way to go, mate, grab some scaffold boards off Gumtree.", "advice", at=0.8),
    P("I don't want to start again. Not yet. Is that daft?"),
    L("It's not daft at all. Of course you'd want some time before you decide.", "validation"),
    P("Thing is, part of me wonders if a few of the crowns could still be saved. Do you reckon there's "
      "any point trying?", "asks_advice"),
    L("I'd lift whichever ones still feel firm and pot them up in the greenhouse, then see what comes "
      "back in spring.", "advice"),
    P("That's what Dad would have done, actually. He never gave up on anything green."),
    BC("Mm-hmm.", 0.5),
    L("So keeping them alive is a way of keeping a bit of him with you.", "reflection"),
))

# American parent and teenage daughter: left off the varsity soccer list.
VARSITY = Dialogue("fr13-varsity-cut", "left off the varsity soccer team", "espeak:en-us+f3", "flite:awb", (
    P("So the varsity list went up after practice. I'm not on it. Coach took two freshmen instead of me, "
      "and I've been on JV for two years waiting for this."),
    OVER("Two freshmen?", "closed_question", at=0.62),
    P("Two freshmen. And everybody was crowded around the board, so they all saw my face. I couldn't "
      "even pretend."),
    BC("Oh no.", 0.4),
    L("Oh, honey. That's a brutal way to find out, in front of everyone.", "validation"),
    P("It's so embarrassing. Maddie says I should go ask Coach what I did wrong.", "quotes_advice"),
    CUT("You should, and ask him exactly what to work on over the summer.", "advice", at=0.85),
    P("Dad, I can't even think about summer right now. I'm still, like, shaking."),
    L("Okay. Do you want my two cents, or do you just need to vent for a bit?", "permission",
      "closed_question"),
    P("Just vent. I did the conditioning camp, I did the extra sessions, I did everything he asked."),
    OVER("I got cut from baseball sophomore year, I cried in the car for an hour.", "self_focus", at=0.6),
    P("And it still wasn't enough. I keep thinking maybe I'm just not good enough, and everyone knew "
      "except me."),
    OVER("What about club soccer? The travel team's way less political.", "advice", at=0.7),
    L("At least you've still got JV, and there's always senior year.", "judgment"),
    P("That's not the point, Dad."),
    L("Sorry. You gave it everything, and it feels like none of it counted.", "reflection"),
    P("Kind of. Should I just quit soccer and do track instead?", "asks_advice"),
    L("Give it till the season starts before you decide anything. No big calls this week.", "advice"),
))

# A trainee counsellor's role-play: a client hiding credit card debt from her partner.
CARD_DEBT = Dialogue("fr13-roleplay-card-debt", "a role-play client hiding card debt from her partner",
                     "flite:slt", "piper:joe", (
    L("So, where would you like to start today?", "open_question"),
    P("Um. The money, I suppose. I've run up about eleven thousand pounds across three cards, and Sam "
      "doesn't know. When the post comes I sort of hover by the door so I get to it first."),
    BC("Mm-hmm.", 0.45),
    L("You've been carrying this on your own, and that sounds exhausting.", "reflection", "validation"),
    P("It is. It started with small things, the boiler, the school trip, and then it snowballed, and "
      "the interest is more than I pay off most months."),
    CUT("Have you thought about ringing StepChange? They're free.", "advice", "closed_question", at=0.7),
    P("I've looked at their website. I just can't make myself pick up the phone."),
    L("Something stops you right at the last step.", "reflection"),
    P("Shame, I think. If I ring them, it's real. And then I have to tell Sam, and Sam thinks I'm the "
      "sensible one."),
    OVER("What if you just left the statements on the table and let them speak for themselves?", "advice",
         at=0.75),
    P("Sorry, I lost my thread. My mum always said you never air money troubles, not even to your "
      "husband.", "quotes_advice"),
    L("So telling Sam goes against something you were raised on.", "reflection"),
    P("Yes. It feels like breaking a rule."),
    L("Would it be alright if I offered an idea about that first phone call?", "permission",
      "closed_question"),
    P("Go on, yeah.", "asks_advice"),
    L("It can help to write down the three things you want to say before you dial, so the shame isn't "
      "doing the talking.", "advice"),
    P("I could do that. On my lunch break, maybe, when I'm not at home."),
    L("Lunchtime, away from the house, with a script in front of you.", "reflection"),
))

# Irish friends in a pub: a brother who never paid back a wedding loan.
BROTHER_LOAN = Dialogue("fr13-brother-loan", "a brother who never paid back a loan", "piper:joe",
                        "espeak:en-us+f3", (
    P("So our Ciaran still hasn't paid me back. Four grand, for the wedding, and that was two years ago "
      "now."),
    CUT("Four grand?", "closed_question", at=0.7),
    P("Four grand. And he's just after booking a week in Lanzarote with the whole family, pictures of "
      "the villa all over Instagram."),
    OVER("Ah, the neck on him.", "judgment", at=0.8),
    P("I'm not even raging about the money as such. It's that he's never mentioned it, not once."),
    BC("Right.", 0.5),
    L("It's the silence that's getting to you more than the money.", "reflection"),
    P("It is, yeah. Mam says I should let it go for the sake of peace at Christmas.", "quotes_advice"),
    OVER("Would you not just text him straight out and say you need it back by the end of the month?",
         "advice", "closed_question", at=0.6),
    P("I can't, sure he'd go mad, and then Mam would be stuck in the middle of it again, like every "
      "other time."),
    CUT("The thing to do is get your mam on side first, so she's not caught in the crossfire.", "advice",
        at=0.7),
    P("Ah, she'd never take sides against him. He's the baby."),
    L("Same thing happened me with my cousin. Lent him money for a car and never saw a cent of it.",
      "self_focus"),
    P("Yeah? Look, what would you actually do, in my shoes?", "asks_advice"),
    L("If I were you I'd have it out with him face to face, just the two of you, no Mam, no texts.",
      "advice"),
    P("Face to face. God. Maybe. He's always been better in person, to be fair."),
    L("What would you want to hear from him, if it went well?", "open_question"),
))

# Indian English, two research students: a PhD guide who has gone silent before the viva.
PHD_GUIDE = Dialogue("fr13-phd-guide", "a silent PhD supervisor and family expectations", "flite:awb",
                     "flite:rms", (
    P("Yaar, my guide has not replied on my chapter for seven weeks now. I sent it before Diwali itself, "
      "and my viva is in March."),
    CUT("Seven weeks?", "closed_question", at=0.6),
    P("Seven weeks. And every Sunday on the video call my parents are asking, when is the degree coming, "
      "when is the degree coming. Papa has already told all the relatives."),
    BC("Oh no.", 0.55),
    OVER("Just go and sit outside his office tomorrow morning, he can't dodge you then.", "advice", at=0.8),
    P("I did that once last year, and he was very cold with me for months after. So no."),
    L("So pushing him has backfired before, and now you're stuck waiting with everyone watching.",
      "reflection"),
    P("Exactly. I'm feeling like I'm wasting everyone's money. Four years of fees, and my sister's "
      "marriage is also coming up."),
    L("Arre, you're overthinking it. These things always sort themselves out.", "judgment"),
    P("Easy for you to say. I'm not even sleeping properly."),
    L("That sounds like a lot of pressure, coming at you from every side.", "validation"),
    P("It is. I don't know what to do next."),
    L("Can I suggest something?", "permission", "closed_question"),
    P("Please. Anything.", "asks_advice"),
    L("My cousin in Pune had the exact same thing. She mailed the head of department and kept her guide "
      "in cc, and within one week everything moved.", "advice"),
    P("The HoD? Won't that make him angry with me?"),
    L("Better to loop in your co-guide quietly first, na, less drama that way.", "advice"),
    P("Dr Menon. She was always kind to me, actually."),
))

# Australian couple: a cafe losing trade to roadworks, and a loyal staff member.
CAFE = Dialogue("fr13-cafe-roadworks", "a cafe losing money to roadworks", "espeak:en-us+f3", "flite:slt", (
    P("So the roadworks out the front have been going since August, and the foot traffic's just died. "
      "I did the books last night and we're down nearly forty per cent. Jase reckons we should shut for "
      "January and cut our losses.", "quotes_advice"),
    BC("Wow.", 0.6),
    OVER("Mate, chuck a sandwich board down the end of the street, get people round the fences.", "advice",
         at=0.9),
    P("And if we shut for January, I have to let Kylie go, and she's been with me since day one."),
    CUT("Wait, what?", "open_question", at=0.7),
    P("Yeah. Kylie. She's got a little one and she's saving for a deposit. I feel sick about it."),
    L("That's an awful spot to be in, with the business on one side and someone you care about on the "
      "other.", "reflection", "validation"),
    P("It really is. I haven't slept properly in a week, I keep doing the numbers at three in the "
      "morning."),
    CUT("Have you rung the council? They sometimes pay out for roadworks, you know.", "advice",
        "closed_question", at=0.5),
    P("Applied in September. Still waiting. The fellas on the roadworks are about the only ones coming "
      "in, honestly."),
    OVER("Why not do a loyalty card for the tradies then? They've gotta eat somewhere.", "advice", at=0.75),
    P("Maybe. Look, what would you do? Seriously, I'm out of ideas.", "asks_advice"),
    L("Honestly, what I'd do is ask Kylie straight up. She might rather drop to three days than go.",
      "advice"),
    P("I never even thought of asking her. I just assumed I had to decide for her."),
    L("You've been carrying the whole decision by yourself.", "reflection"),
))

# British colleagues on a break: a new type 2 diabetes diagnosis.
DIABETES = Dialogue("fr13-diabetes-diagnosis", "a new diabetes diagnosis", "flite:slt", "flite:awb", (
    P("The GP rang with my blood results. Type two diabetes. Forty-three and I've got diabetes. I keep "
      "thinking it's my own fault, all those takeaways after late shifts."),
    OVER("My sister just went low-carb and reversed hers in, like, six months.", "advice", at=0.7),
    P("And now there's a course I have to go on, and a nurse weighing me every month, and my husband's "
      "already emptying the cupboards like I'm a child."),
    OVER("Why don't you get one of those sensor patches? Then you'd see what the takeaways actually do.",
         "advice", at=0.5),
    L("Ah, you're overreacting a bit, loads of people have it.", "judgment"),
    P("That doesn't really help, to be honest."),
    L("Sorry. Tell me what's been going through your head since the call.", "open_question"),
    P("Mostly fear. My dad lost two toes to it. I remember visiting him on the ward and not knowing where "
      "to look."),
    BC("Gosh.", 0.5),
    L("So this isn't just a diagnosis, it's watching your dad all over again.", "reflection"),
    P("Yeah. That's it exactly. I don't want to end up like him."),
    L("That makes complete sense, after what you saw.", "validation"),
    P("The nurse said I should start walking thirty minutes a day, but I'm on my feet all shift as it "
      "is.", "quotes_advice"),
    CUT("Maybe just start with ten minutes after tea, with your husband, so it's something you do "
        "together.", "advice", at=0.8),
    P("Hm. He'd actually like that. He's been trying to help and I've just been snapping at him."),
    L("Do you want to talk about how things are with him?", "closed_question"),
))

# American couple: their son calls to say he is dropping out of college.
DROPOUT = Dialogue("fr13-son-drops-out", "a son dropping out of college", "flite:rms", "espeak:en-us+f3", (
    P("Tyler called tonight. He's dropping out. Not a semester off, dropping out, to work at the climbing "
      "gym full time. He sounded completely sure about it."),
    CUT("The climbing gym?", "closed_question", at=0.7),
    P("The climbing gym. We've put, what, twenty-two thousand into that school so far, and he sounded so "
      "relieved, like he'd been sitting on it for months."),
    BC("Mm-hmm.", 0.4),
    OVER("You need to call him back tonight and tell him he's finishing the year, period.", "advice",
         at=0.8),
    P("I'm not doing that. I did that with piano when he was twelve and he didn't speak to me for a "
      "month."),
    L("You've been down that road with him before, and it cost you.", "reflection"),
    P("It did. And I keep asking myself if we pushed him into college in the first place. Should I have "
      "seen this coming?"),
    L("Honestly, you should've asked him more questions back in August.", "judgment"),
    P("Wow. Thanks."),
    L("Sorry, that wasn't fair. It's a hard thing to hear from your kid.", "validation"),
    P("I just want him to be okay. The money's not really the thing, whatever I keep saying."),
    OVER("When I left grad school my mom didn't call me for six weeks.", "self_focus", at=0.6),
    L("What's the worry underneath the money?", "open_question"),
    P("That he's quitting because he's depressed and not telling us. His roommate said he stopped going "
      "to classes in October."),
    CUT("Bottom line, he's an adult. Let him figure it out, you can't fix this one for him.", "advice",
        at=0.6),
    P("He's nineteen. And if he's not okay, I'm not just leaving him to it."),
    L("Can I throw an idea at you?", "permission", "closed_question"),
    P("Yeah. Go on.", "asks_advice"),
    L("How about you fly out this weekend, take him to breakfast, and just get a read on how he's really "
      "doing?", "advice"),
))

FRESH13_DIALOGUES = (ALLOTMENT, VARSITY, CARD_DEBT, BROTHER_LOAN, PHD_GUIDE, CAFE, DIABETES, DROPOUT)
