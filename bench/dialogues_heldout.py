"""Held-out practice dialogues, written blind on 2026-11-24.

Written by a helper engineer who read only the data format (the top of ``bench/dialogues.py``)
and the label meanings, without seeing the coach's rules, its tests or the existing dialogues.
This set is for measuring, not for tuning: do not adjust the coach, its rules or thresholds
against these dialogues, and do not edit them to make the coach score better.
"""

from __future__ import annotations

from .dialogues import BC, CUT, OVER, Dialogue, L, P

# A child struggling with reading; a mostly good listener who asks before advising.
READING = Dialogue(
    "hld-reading",
    "a child falling behind with reading at school",
    "flite:slt",
    "flite:kal",
    (
        P("It's my son, Theo. He's eight, and his teacher says he's way behind on his reading."),
        BC("Mm-hmm.", 0.5),
        L("How's that been for you, hearing that?", "open_question"),
        P("Honestly, awful. I keep thinking I missed something, like I should have read with him more when he was little."),
        L("So part of you is blaming yourself.", "reflection"),
        P("Yeah. And he's started saying he's stupid. He hides his book bag when he gets home."),
        BC("Mm-hmm.", 0.4),
        L("That must be so hard to watch.", "validation"),
        P("It is. My mum says I should just get him a tutor and stop worrying.", "quotes_advice"),
        L("What do you make of that?", "open_question"),
        P("I don't know. Tutors cost a fortune, and I don't want him feeling like there's something wrong with him."),
        L("You want to help him without making him feel broken.", "reflection"),
        P("Exactly. I'm kind of out of my depth, to be honest."),
        L("Would it help to hear what the school did for my nephew?", "permission", "closed_question"),
        P("Yes, please. Anything.", "asks_advice"),
        L("Maybe ask the school whether they'd test him for dyslexia.", "advice"),
        P("Huh. I hadn't even thought of that. His dad has trouble reading too, actually."),
        BC("Yeah.", 0.7),
        L("Could be worth asking, then. How is Theo with things outside of reading?", "advice", "open_question"),
        P("He's brilliant with Lego. He builds these huge cities and tells me the whole story of them."),
        L("It sounds like you see a clever kid who's just stuck on this one thing.", "reflection"),
    ),
)

# A breakup; a poor listener who interrupts, talks about himself, minimises and advises unasked.
BREAKUP = Dialogue(
    "hld-breakup",
    "a four-year relationship ending",
    "espeak:en-us+f4",
    "flite:rms",
    (
        P("So Sam and I broke up on Saturday. Four years, and he just said he didn't feel it anymore."),
        L("Oh no. What happened?", "open_question"),
        P("We were making dinner and he put the knife down and said it. Like he'd been rehearsing it for weeks."),
        BC("Uh-huh.", 0.4),
        L("That's exactly what happened with my ex, she ended it over text.", "self_focus"),
        P("Right. Um, anyway, I keep replaying it, wondering what I did wrong, whether I pushed him away by working so much."),
        CUT("You can't think like that, it takes two.", "judgment", at=0.6),
        P("I know. It's just the flat feels so empty, and his stuff is still everywhere, his mugs, his coats, I can't even open the wardrobe."),
        OVER("You should box it all up and drop it round his mum's.", "advice", at=0.35),
        P("Maybe. I'm not ready to do that yet."),
        L("At least you didn't marry him, right?", "judgment"),
        P("I guess. That doesn't really make it feel any better, though."),
        L("Sorry. It sounds like you're still really heartbroken.", "reflection"),
        P("I am. I honestly thought we'd be together for good."),
        BC("Yeah.", 0.5),
        L("Of course you're gutted, four years is a long time.", "validation"),
        P("My sister keeps telling me to download the apps and get back out there.", "quotes_advice"),
        L("Yeah, you should do that, it'll take your mind off him.", "advice"),
        P("I don't think I'm anywhere near ready for that."),
    ),
)

# Money worries after a broken boiler; a mixed listener, advice after permission, one jab.
MONEY = Dialogue(
    "hld-money",
    "credit card debt kept secret from a partner",
    "piper:joe",
    "flite:awb",
    (
        P("Money's been really tight since the boiler broke. I put the repair on a credit card, and now I'm basically just paying the interest every month."),
        BC("Mm-hmm.", 0.35),
        L("That sounds really stressful.", "validation"),
        P("It is. I lie awake doing sums in my head. And my partner has no idea how bad it's got."),
        L("So you're carrying all of this on your own.", "reflection"),
        P("Yeah. I don't want her worrying, she's got enough on with her dad."),
        L("Well, you shouldn't have hidden it from her in the first place.", "judgment"),
        P("Probably not, no. She'd be more upset that I hid it than about the money, to be honest."),
        L("Would it help if I told you what got us out of a hole like this?", "permission", "closed_question"),
        P("Yeah, go on. I'm open to anything at this point.", "asks_advice"),
        L("You could move it to a zero percent balance transfer card, that stopped the interest for us.", "advice"),
        P("I looked at that, but my credit score isn't great. I got turned down."),
        L("Okay. Then maybe ring the card company and ask them for a payment plan.", "advice"),
        P("I didn't think they'd actually talk to me. I'll try them Monday. And I think I need to tell her too, before she finds a letter."),
        OVER("Definitely tell her tonight.", "advice", at=0.6),
        P("Tonight, maybe. I'll see what sort of day she's had."),
        L("What's the scariest part of telling her?", "open_question"),
        P("That she'll look at me differently. Like I'm not someone she can rely on."),
        L("It sounds like you're worried about losing her trust, more than the money.", "reflection"),
    ),
)

# A dog put down; a warm listener whose offer of advice is declined, and who accepts that.
DOG = Dialogue(
    "hld-dog",
    "grief after the family dog was put down",
    "flite:awb",
    "piper:joe",
    (
        P("We had to put Biscuit down yesterday. She was fourteen. She'd been with me since before I got married."),
        L("Oh, I'm so sorry. That's a huge loss.", "validation"),
        P("It really is. The house is so quiet. I keep hearing her collar jingle, and then I remember."),
        BC("Yeah.", 0.5),
        L("You must really miss her.", "reflection"),
        P("I do. And I keep wondering if we left it too long. She was struggling on the stairs for months."),
        L("What makes you think you left it too long?", "open_question"),
        P("The vet said her kidneys had probably been going for a while. I just didn't want to see it."),
        BC("Mm-hmm.", 0.6),
        L("So you're feeling guilty that you didn't notice sooner.", "reflection"),
        P("Yeah. Stupid, I know."),
        L("It's not stupid at all. It makes sense to feel that when you loved her so much.", "validation"),
        P("Thanks. People keep saying I should get a puppy, but that feels like replacing her.", "quotes_advice"),
        L("Can I tell you what helped me when our cat died?", "permission", "closed_question"),
        P("Actually, no, not right now. I think I just need to talk about her for a bit."),
        L("Of course. Tell me about her.", "open_question"),
        P("She used to steal socks and hide them in her bed. Every time we washed it there'd be a whole pile in there."),
        BC("Uh-huh.", 0.45),
        L("It sounds like she was a real part of the family.", "reflection"),
    ),
)

# A row about chores; a mixed listener who jumps in with fixes and her own story.
CHORES = Dialogue(
    "hld-chores",
    "a fight with a partner about housework",
    "flite:rms",
    "espeak:en-us+f4",
    (
        P("Me and Dana had a massive row last night about the washing up. Again."),
        L("Again? What happened this time?", "open_question"),
        P("I'd cooked, she left every pan in the sink, and when I said something she told me I always make a fuss about nothing."),
        BC("Right.", 0.4),
        L("So you felt dismissed.", "reflection"),
        P("Yeah, totally. And it's not just the pans. I do the bins, the laundry, I sort all the bills, and she thinks it's even."),
        CUT("Have you tried making a rota and sticking it on the fridge?", "advice", "closed_question", at=0.5),
        P("We did a rota. It lasted about a week. That's not really the point though, it's that she doesn't see it."),
        L("You want her to notice how much you do.", "reflection"),
        P("Exactly. Some days I feel like the staff, not her partner."),
        L("That sounds lonely.", "validation"),
        P("It is. My brother says I should just stop doing everything and see how long she lasts.", "quotes_advice"),
        L("Ha, my husband tried that once. The bins overflowed for a fortnight.", "self_focus"),
        P("Yeah, I don't want a war. I just want us to feel like a team again, like when we first moved in and we'd cook together every Sunday."),
        OVER("Just tell her that, exactly like that.", "advice", at=0.65),
        P("Maybe. I'm scared it'll just turn into another fight."),
        L("What would it look like if it went well?", "open_question"),
        P("I guess she'd actually hear me, and we'd sort it out together."),
        L("Maybe pick a calm evening to talk, not straight after a row.", "advice"),
    ),
)

# A third failed driving test; a poor-to-mixed listener: fixes, minimising, her own story.
DRIVING = Dialogue(
    "hld-driving",
    "failing a driving test for the third time",
    "espeak:en-us+m3",
    "flite:slt",
    (
        P("I failed my driving test again this morning. That's the third time now."),
        L("Oh no, what did you fail on?", "open_question"),
        P("A roundabout. I hesitated, and the examiner had to tell me to go. I knew it was over right then."),
        BC("Mm-hmm.", 0.5),
        L("Were you nervous?", "closed_question"),
        P("Terrified. My hands were shaking the whole way round. I'm fine in lessons, it's only on the test that I fall apart."),
        CUT("You just need to do more mock tests, honestly.", "advice", at=0.45),
        P("I've done loads of mocks. That's what makes it so embarrassing."),
        L("It's only a driving test, it's not the end of the world.", "judgment"),
        P("I know that. But everyone my age can drive. My little brother passed first time."),
        L("I failed mine twice, and my brother passed first go as well.", "self_focus"),
        P("Right. Did that bother you?"),
        L("Not really, I just got on with it.", "self_focus"),
        P("Well, it bothers me. I feel like a failure."),
        L("Sorry. It sounds like it's really knocking your confidence.", "reflection"),
        P("It is. I don't even know if I want to book another one, and the lessons are forty pounds an hour, which I really can't keep paying."),
        OVER("You have to book it straight away, or you never will.", "advice", at=0.3),
        P("I don't know. I need a break from it first."),
        L("That makes sense, after three of them.", "validation"),
    ),
)

# A neighbour blocking the driveway; a good listener who checks before advising.
NEIGHBOUR = Dialogue(
    "hld-neighbour",
    "a neighbour who keeps blocking the driveway",
    "flite:kal",
    "espeak:en-us+f3",
    (
        P("The guy next door has started parking his van across my driveway. Three times this week I couldn't get the car out."),
        BC("Uh-huh.", 0.55),
        L("That's so frustrating.", "validation"),
        P("It is. And when I knocked, he said the road's public and I should chill out."),
        L("How did you feel when he said that?", "open_question"),
        P("Furious, honestly. I went back inside and I was shaking. I really don't like confrontation."),
        L("So it took a lot just to knock on his door.", "reflection"),
        P("Yeah, it did. Now I dread going outside in case he's there."),
        L("Ugh, we had one like that at our old place, he parked in our space for a whole year.", "self_focus"),
        P("Right. Anyway, it's really getting to me."),
        L("Did you say anything back?", "closed_question"),
        P("No, I just walked off. What would you do?", "asks_advice"),
        L("Do you want my honest take?", "permission", "closed_question"),
        P("Yes, please.", "asks_advice"),
        L("I'd write down the dates and call the council, they deal with blocked driveways.", "advice"),
        P("I didn't know the council did that. I don't want to start a feud though, his kids play with mine, and we'll be living next to each other for years."),
        CUT("Then maybe leave him a friendly note first.", "advice", at=0.7),
        P("Yeah. A note. I could do that."),
        L("It sounds like you want it sorted without losing the peace.", "reflection"),
    ),
)

# A sister drinking again; a listener whose offer is declined, who then advises and judges anyway.
SISTER = Dialogue(
    "hld-sister",
    "a sister relapsing into drinking",
    "espeak:en-us+f3",
    "espeak:en-us+m3",
    (
        P("My sister's drinking again. She rang me at two in the morning on Friday, slurring, asking for money."),
        BC("Mm-hmm.", 0.3),
        L("What did you do?", "open_question"),
        P("I sent it. Two hundred pounds. And now I feel sick, because I know exactly where it went."),
        L("You feel like you helped her drink.", "reflection"),
        P("Yeah. But if I'd said no and something happened to her, I'd never forgive myself."),
        BC("Right.", 0.6),
        L("That's an impossible position to be in.", "validation"),
        P("Everyone in the family has a different opinion. My dad says we should cut her off completely.", "quotes_advice"),
        L("Can I say what I think you should do?", "permission", "closed_question"),
        P("No, honestly. I just need to get it off my chest."),
        L("Okay."),
        P("She was doing so well. Eight months sober, she'd got a job at the garden centre, she was seeing her son at weekends again."),
        OVER("You need to stop giving her money though, seriously.", "advice", at=0.4),
        P("I know. I know that. It's just not that simple when it's your little sister."),
        L("You should have said no on Friday.", "judgment"),
        P("Maybe. I wasn't exactly thinking straight at two in the morning."),
        L("Sorry. How are you holding up, with all this?", "open_question"),
        P("Not great. I'm exhausted, and I'm scared of the next phone call."),
        L("It sounds like you're living on edge, waiting for it.", "reflection"),
    ),
)

HELDOUT_DIALOGUES: tuple[Dialogue, ...] = (READING, BREAKUP, MONEY, DOG, CHORES, DRIVING, NEIGHBOUR, SISTER)
