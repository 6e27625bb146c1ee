"""A ninth development set of practice dialogues, written on 2026-11-25 by a helper engineer who read only the data format and the label meanings (the coach may be tuned on it; dialogues_heldout.py is the set not to tune on)."""

from __future__ import annotations

from .dialogues import BC, CUT, OVER, Dialogue, L, P

NEW_DAD = Dialogue(
    id="fr9-new-dad",
    topic="a new father running on no sleep, back at work on Monday",
    partner_voice="piper:joe",
    listener_voice="flite:slt",
    lines=(
        P("I genuinely don't know what day it is. She's three weeks old and I think I've had one stretch of "
          "four hours' sleep since we brought her home."),
        BC("Oh no.", at=0.6),
        L("Three weeks of that. How are you actually holding up?", "open_question"),
        P("Badly, if I'm honest. Priya's still sore from the C-section so I'm doing every night feed with the "
          "bottles, and then on Monday I'm meant to be back on site, and I keep thinking, how do I run a crew "
          "on no sleep?"),
        OVER("Monday?", "closed_question", at=0.7),
        P("Yeah, Monday. Two weeks of paternity and that's your lot. And my dad keeps telling me to let her cry "
          "it out so we can all get some rest, which, no.", "quotes_advice"),
        BC("Right.", at=0.4),
        L("So you're running on empty, and even the help you're getting feels like the wrong kind.", "reflection"),
        P("Exactly that. I love her to bits, I do. But last night I was sat on the bathroom floor at three in "
          "the morning and I just cried, and she was crying, and I thought, I'm rubbish at this."),
        CUT("Ring your manager first thing tomorrow and ask for another week unpaid, they'll say yes.", "advice",
            at=0.7),
        P("I can't really afford unpaid, that's the thing. Anyway, it's not just the work."),
        L("Sorry, I jumped in there. What else is going on?", "open_question"),
        P("I just feel like I'm failing at both. Not enough at home, and about to be useless at work. Priya says "
          "I'm doing great, but she would say that."),
        OVER("No, she's right, you are doing great.", "validation", at=0.8),
        L("Sitting on a bathroom floor at three in the morning with a crying baby sounds absolutely brutal. "
          "Anyone would crack a bit.", "validation"),
        P("Do you reckon? I thought everyone else just copes."),
        L("When ours was tiny I fell asleep standing up in the queue at the chemist. Nobody copes, not really.",
          "self_focus"),
        BC("Mm.", at=0.5, who="P"),
        P("Ha. Okay. That actually helps a bit."),
        L("I've got a couple of things that worked for us with the nights, if you want them. No pressure though.",
          "permission"),
        P("Go on, honestly, I'll take anything at this point.", "asks_advice"),
        L("What worked for us was splitting the night in two, so one of you does up to two o'clock and the other "
          "does the rest, with earplugs in, in the spare room.", "advice"),
        P("Right, but Priya can't really manage the stairs yet, so she'd have to take the second half, and she's "
          "still feeding her herself some of the time, so it's all a bit complicated."),
        OVER("What if you made the bottles up before bed and left them in the fridge, it saves ten minutes a feed.",
             "advice", at=0.55),
        P("We already do the bottles, to be fair. It's more the lying awake afterwards. I can't switch off."),
        BC("Yeah.", at=0.5),
        L("Have you had a go with one of those sleep story apps for when you can't drop off again?", "advice",
          "closed_question"),
        P("Not yet. I might. I just want to feel like myself again."),
        L("You should be proud of how much you're carrying right now. And I'll bring a lasagne round on "
          "Saturday, so that's one tea sorted.", "validation"),
        P("That'd be amazing. Thanks for listening, really."),
    ),
)

VISA_WORRY = Dialogue(
    id="fr9-visa-worry",
    topic="an international graduate student whose visa runs out before a delayed thesis defense",
    partner_voice="espeak:en-us+f3",
    listener_voice="flite:rms",
    lines=(
        P("So my visa runs out in March, and my thesis defense keeps getting pushed because my advisor is never "
          "around, and if I don't defend by then I basically have to leave the country."),
        BC("Mm-hmm.", at=0.4),
        L("That's a lot of uncertainty hanging over you. What's the part that keeps you up at night?",
          "validation", "open_question"),
        P("Honestly, the idea of calling my parents and telling them. They sold my grandfather's land to pay for "
          "my first year, so if I have to go home with nothing, I don't know how I'd face them."),
        CUT("Hold on, they sold the land?", "closed_question", at=0.55),
        P("Yeah. So the pressure is kind of enormous. And the international office just told me to file for an "
          "extension and hope for the best.", "quotes_advice"),
        BC("Yeah.", at=0.6),
        L("So it's not only the deadline, it's feeling like their sacrifice is riding on you.", "reflection"),
        P("Exactly. And my advisor, Doctor Hale, answers maybe one email in five. I sent him my last chapter six "
          "weeks ago and nothing, and I don't want to seem like I'm complaining, because he's the one writing "
          "my reference letters, you know?"),
        OVER("Go over his head and email the graduate director, copy him in, that's what they're there for.",
             "advice", at=0.5),
        L("Six weeks with no reply on a chapter is a long time. It makes sense you'd be nervous about rocking "
          "the boat.", "validation"),
        P("Yeah. What would you do, honestly? I'm out of ideas.", "asks_advice"),
        L("Okay, so, I mean, this is just me, but I think I'd probably, um, book an actual meeting with him, in "
          "person, and bring a printed timeline with the visa date circled in red, so it's really concrete and "
          "he can't just, you know, drift.", "advice"),
        P("That's not bad. He does respond better face to face. I just freeze up with him, though. I start "
          "apologizing for existing."),
        BC("Right.", at=0.5),
        L("What is it about him that makes you freeze?", "open_question"),
        P("He's kind of brusque. And last semester he said in front of the whole lab that international students "
          "always want special treatment."),
        CUT("He said that out loud? That's completely out of line.", "closed_question", "judgment", at=0.7),
        P("Yeah. So you can see why I don't want to push."),
        L("A few people in my department have brought the graduate ombudsperson along to meetings like that, just "
          "so there's a neutral person in the room.", "advice"),
        P("I didn't even know we had one. Is that a thing here?"),
        L("There is, yes. Has anyone actually told you what happens if you miss the March date?",
          "closed_question"),
        P("Not really. Everyone just says it'll probably be fine."),
        BC("Mm.", at=0.45),
        L("Maybe just ask the international office to put it in writing, the exact options if the defense slips "
          "past March.", "advice"),
        P("Okay. Yeah. I can do that tomorrow."),
        L("You've held all of this together on your own for months. That takes real strength.", "validation"),
    ),
)

FIREFIGHTER = Dialogue(
    id="fr9-firefighter",
    topic="a volunteer firefighter who can't shake a fatal rollover call",
    partner_voice="flite:awb",
    listener_voice="espeak:en-us+f4",
    lines=(
        P("Yeah, so we got paged out Sunday arvo, single vehicle rollover out on the Kilcoy road, and by the time "
          "we got there, look, it wasn't good. Young fella, maybe nineteen."),
        BC("Oh no.", at=0.75),
        L("Mate. That sounds horrific.", "validation"),
        P("And I've done a few of these, I've been with the brigade eleven years, but this one's stuck. I keep "
          "seeing his boots, for some reason, just his boots out the window. I'm not sleeping, I'm snapping at "
          "Jodie and the kids, and I don't know why this one."),
        OVER("You need to get on to the peer support line, they've got a number just for this.", "advice",
             at=0.7),
        P("Yeah, the captain gave me that number. Said to ring it whenever, day or night.", "quotes_advice"),
        BC("Mm-hmm.", at=0.6),
        L("Why do you reckon this one's hit differently from the others?", "open_question"),
        P("He was the same age as my eldest. That's probably it, isn't it. I got home and Jake was on the couch "
          "playing his game and I just stood there looking at him."),
        BC("Yeah.", at=0.4),
        L("So seeing Jake brought it right home. It could have been your own boy.", "reflection"),
        P("Yeah. And the thing is, the blokes at the station, we don't really talk about it. You have a beer and "
          "crack a joke and that's that."),
        CUT("Look, the best move is booking in with a proper psychologist before it sets in.", "advice", at=0.8),
        P("Righto. I mean, maybe. I'm not really a psychologist type of bloke."),
        L("Fair enough. What's helped you in the past after a rough job?", "open_question"),
        P("Fishing, usually. Getting out on the water with my brother. Haven't been since."),
        L("Does your brother know what happened?", "closed_question"),
        P("Nah. He knows I had a bad one, that's about it."),
        L("Might be worth giving him a bell and getting a morning on the boat locked in.", "advice"),
        P("Yeah, could do. Jodie said the same, actually. Said I'm like a bear with a sore head.",
          "quotes_advice"),
        L("You're not a bear. You're someone who saw something terrible and it got to you, because you care. "
          "That's not weakness.", "validation"),
        P("Cheers. It's just, I keep thinking, if we'd been five minutes quicker, maybe, I don't know, maybe he'd "
          "still be here."),
        OVER("Five minutes?", "closed_question", at=0.7),
        P("Yeah, five minutes. The first crew on scene reckon he was gone on impact, but my head won't let it go."),
        L("That kind of what if can go round and round. It's a really normal thing after a call like that.",
          "validation"),
        P("Is it? Some days I think I'm losing the plot."),
        L("I went through something a bit like it after my dad's accident, the replaying, the what ifs. It eased "
          "off for me after a few weeks.", "self_focus"),
        P("Good to know, that."),
        L("There's a couple of things that helped me back then, if you ever want to hear them.", "permission"),
        P("Maybe another time. Tonight I just needed to say it out loud."),
    ),
)

SUPPLIER = Dialogue(
    id="fr9-supplier-dispute",
    topic="a linen-hire business owner shorted and overbilled by her only supplier",
    partner_voice="flite:slt",
    listener_voice="piper:joe",
    lines=(
        P("So my main fabric supplier shorted me on the last two orders, like twenty percent under, and they're "
          "still invoicing me for the full amount."),
        BC("Ugh.", at=0.7),
        L("Twenty percent short and billed in full. What did they say when you raised it?", "reflection",
          "open_question"),
        P("Their rep, Gary, says it's a warehouse error and he'll look into it. That was three weeks ago. "
          "Meanwhile I've got a wedding order of sixty tablecloths due on the fourteenth and I'm short on linen."),
        CUT("Stop paying their invoices until it's sorted, nothing gets a supplier moving faster.", "advice",
            at=0.55),
        P("I can't just stop paying. They're the only people who do that weight of linen at my price point. If "
          "they cut me off, I'm done."),
        L("Sorry, go on. So you're stuck with them, and they know it?", "reflection"),
        P("Pretty much. And my business partner, Dana, keeps saying I should threaten them with small claims "
          "court. Which, fine, but then what?", "quotes_advice"),
        BC("Mm-hmm.", at=0.35),
        L("It sounds like you're torn between protecting the relationship and protecting your cash flow.",
          "reflection"),
        P("Yes. Exactly that. And I hate conflict. I literally rehearse phone calls in the shower."),
        L("Same here. I once rehearsed asking for a refund on a toaster for two whole days.", "self_focus"),
        P("Ha. Okay, so you get it. What do you think I should actually do about the wedding order, though?",
          "asks_advice"),
        L("One option is to call a second supplier today just for this order, even if the margin's thinner, so "
          "the wedding isn't held hostage by Gary.", "advice"),
        P("I thought about that, but the color match is the problem. The bride picked this exact ivory from a "
          "swatch, and if the other mill's ivory is even slightly off, she'll notice. Or maybe she won't, she's "
          "pretty relaxed, actually."),
        OVER("Send her both swatches and let her pick, brides mostly just want to be asked.", "advice", at=0.65),
        P("Actually, that's not a bad shout. She did say she wanted me to check in with her about the linens "
          "anyway."),
        BC("Yeah.", at=0.5),
        L("What would a good outcome with Gary look like to you?", "open_question"),
        P("Honestly, a credit on the last two invoices and a promise it won't happen again. I don't even need an "
          "apology."),
        L("That seems really reasonable. You're not asking for much at all.", "validation"),
        P("Then why do I feel like the bad guy for asking?"),
        CUT("Because you're way too nice, that's your whole problem.", "judgment", at=0.6),
        P("Wow, okay. Thanks. I guess."),
        L("Sorry, that came out wrong. Would it help to put the credit request in an email, with the delivery "
          "notes attached, so you don't have to do it on the phone?", "advice", "closed_question"),
        P("Actually, yes. Writing I can do. It's the phone I hate."),
        L("You took this business from your garage to a shop on Main Street. You should be proud of that, Gary "
          "or no Gary.", "validation"),
    ),
)

CARER = Dialogue(
    id="fr9-surgery-carer",
    topic="a wife caring for her husband after a hip replacement, on a carers' support line",
    partner_voice="espeak:en-us+f4",
    listener_voice="flite:awb",
    lines=(
        P("My husband had his hip done a fortnight ago, and I thought it'd be straightforward, you know, a few "
          "weeks of helping him about. But he's so low. He won't do his exercises and I'm doing everything."),
        BC("Mm-hmm.", at=0.45),
        L("A fortnight of doing everything. Tell me what a typical day looks like for you at the moment.",
          "reflection", "open_question"),
        P("Up at six to help him to the loo, breakfast, his tablets, then the dog, then I work from home, and he "
          "calls me every twenty minutes for something. The physio said I mustn't do things for him that he can "
          "do himself, but he just looks at me, and so I do them.", "quotes_advice"),
        OVER("Then leave him to get on with it, a bit of tough love does them good.", "advice", at=0.8),
        P("I know, I know. It's easier said than done when he's in pain."),
        L("It sounds like you're caught between wanting him to get better and not being able to bear watching "
          "him struggle.", "reflection"),
        P("That's it exactly. And then I feel resentful, and then guilty for feeling resentful."),
        BC("Mm.", at=0.5),
        L("Resentment and guilt together are so common for carers. Of course you feel both.", "validation"),
        P("Is it common? Nobody says that. Everyone just asks how he's doing."),
        L("So nobody's asking about you. How are you doing?", "reflection", "open_question"),
        P("Tired. Lonely, a bit. My daughter's up in Leeds and my friends have gone quiet."),
        CUT("You should ring your daughter and get her down here for a weekend.", "advice", at=0.55),
        P("She's got two little ones, I'm not dragging her down here. Anyway. Sorry, where was I?"),
        L("You were saying you feel lonely. What's the loneliness like?", "reflection", "open_question"),
        P("It's like the whole house is about him now. I used to do my choir on a Thursday and I haven't been "
          "once since the operation."),
        BC("Oh no.", at=0.7),
        L("Would you like to hear a thought I had about your Thursdays, or would you rather just talk for now?",
          "permission", "closed_question"),
        P("Just talk, if that's all right. I think I need to get it out."),
        L("Of course. Take all the time you need."),
        P("He was always the strong one. Seeing him like this, it frightens me, if I'm honest. What if he "
          "doesn't get back to how he was?"),
        BC("Mm.", at=0.6),
        L("That fear that he might not be the same again makes complete sense.", "validation"),
        P("Thank you. I think I'll go back to choir when he's walking with one stick. That's my target."),
        L("That sounds like a lovely thing to aim for.", "validation"),
        P("And I might ask his brother to sit with him that evening. He's offered before."),
        L("So you've got something for yourself to work towards, and someone to help you get there.",
          "reflection"),
    ),
)

BAND = Dialogue(
    id="fr9-band-falling-out",
    topic="a guitarist whose bandmate booked a gig on his cousin's wedding day",
    partner_voice="flite:rms",
    listener_voice="espeak:en-us+f3",
    lines=(
        P("So basically Kieran's gone and booked us a gig in Manchester on the same night as my cousin's "
          "wedding, without asking anyone, and when I said I couldn't do it he said maybe the band's not my "
          "priority."),
        CUT("He said that? After you've been with them five years?", "closed_question", at=0.8),
        P("Six years. I wrote half the songs on the EP. And now the drummer's taking his side, and the group chat "
          "has just gone silent on me."),
        BC("Right.", at=0.45),
        L("So you feel like six years and half the songs count for nothing to them right now.", "reflection"),
        P("Pretty much. And my girlfriend says I should just walk and start my own thing, which is easy for her "
          "to say.", "quotes_advice"),
        BC("Mm.", at=0.5),
        L("What would leaving mean to you?", "open_question"),
        P("I don't know. These lads are my mates, like, since school. But I can't keep being the one who bends. "
          "Last year I missed my nan's eightieth for a gig in Leeds that six people came to, and I'm not doing "
          "that again."),
        OVER("Honestly, I'd do the gig and drive back for the evening do, you'd make it easy.", "advice", at=0.7),
        P("Manchester to Shrewsbury is two and a half hours, so no, I wouldn't."),
        L("Two and a half hours, okay. And missing your nan's eightieth sounds like it really stung.",
          "validation"),
        P("It did. She's not been well since. That's the bit I can't get past."),
        BC("Yeah.", at=0.4),
        L("Has Kieran ever actually heard from you how much that cost you?", "closed_question"),
        P("No, I just sort of swallowed it. That's what I do. I swallow it and then I'm moody for a month and "
          "nobody knows why."),
        CUT("You've got to tell him, like, today, before it festers any more.", "advice", at=0.6),
        P("Yeah, but it's not that simple, is it. If I go in hot he'll just dig his heels in."),
        L("Would it help if I told you how we sorted something like this in my old five-a-side team? Or is "
          "that not useful right now?", "permission", "closed_question"),
        P("Yeah, go on, I could do with some ideas, to be fair.", "asks_advice"),
        L("So what we did, and it sounds a bit daft, was have this rule that nobody books anything for the whole "
          "group without a thumbs up from everyone first, and it sort of took the personal bit out of it, so, "
          "yeah, maybe you could pitch something like that at the next practice.", "advice"),
        P("That's not daft, actually. It makes it about the process, not about me being difficult."),
        L("And you're not being difficult. Wanting to be at your cousin's wedding is completely reasonable.",
          "validation"),
        P("Thanks. I might message the drummer first. He's more chill than Kieran."),
        BC("Mm-hmm.", at=0.5),
        L("What do you reckon you'd say to him?", "open_question"),
        P("Something like, I love this band, but I need a say in the diary. Simple."),
        L("Short and honest. That sounds really clear.", "validation"),
    ),
)

ONLINE_BULLYING = Dialogue(
    id="fr9-online-bullying",
    topic="a father who has just learned his fourteen-year-old has been bullied online for months",
    partner_voice="piper:joe",
    listener_voice="espeak:en-us+f4",
    lines=(
        P("So last night I find out my daughter, Maya, she's fourteen, has been getting these messages on some "
          "app for like two months, kids from her grade making a group just to post screenshots of her and, "
          "like, rate her."),
        OVER("Two months?", "closed_question", at=0.5),
        P("Two months. And she didn't tell us. I only found out because her phone lit up at dinner and she went "
          "white."),
        BC("Oh no.", at=0.7),
        L("That must have been a horrible moment, seeing her face like that.", "validation"),
        P("It was. And my first instinct was to take the phone off her, and my wife says we should go straight "
          "to the police. But I don't know, it's all kids from her school, and I don't want to blow it up into "
          "some huge thing if it makes her life worse there.", "quotes_advice"),
        CUT("Screenshot everything first, every message, with the dates, before anyone deletes it.", "advice",
            at=0.7),
        P("Yeah, she did that, actually. Maya did. She's smarter than me. She's got a whole folder."),
        BC("Mm.", at=0.5),
        L("She's been keeping a record all this time, even while she was dealing with it on her own.",
          "reflection"),
        P("Right. Which kind of breaks my heart. Like, she was handling this by herself, keeping evidence like a "
          "detective, and not telling her own dad."),
        BC("Yeah.", at=0.5),
        L("What do you think stopped her from coming to you?", "open_question"),
        P("She said she thought I'd go up to the school and make it worse. Which, to be fair, I would have. I "
          "would have gone in there yelling."),
        L("You've got every right to be furious. Any parent would be.", "validation"),
        P("I am furious. I want to find these kids' parents and, honestly, I want to go to their houses and tell "
          "them exactly what their kids are."),
        CUT("Whoa, calm down, that's not going to help anyone.", "judgment", at=0.75),
        P("I know, I'm not going to actually do anything. I'm just saying. Anyway, what would you do? Like "
          "seriously, school or police or both?", "asks_advice"),
        L("I think, um, if it were my kid, I'd probably go to the school counselor first, like quietly, with "
          "Maya's folder, and let Maya decide how much she wants to be in the room, because it's her thing, you "
          "know.", "advice"),
        P("That's a good point about letting her decide. She's lost a lot of control already."),
        L("So part of what you want is to give her some of that control back.", "reflection"),
        P("Yeah. And I guess I want her to trust me again. Like, to know she can tell me stuff and I won't "
          "explode."),
        BC("Right.", at=0.6),
        L("I've seen parents at my son's school do a sort of no questions asked deal, where the kid can show "
          "them anything at all and they just listen first.", "advice"),
        P("Huh. I like that. A no exploding rule."),
        L("Is Maya doing okay at the moment, like in herself?", "closed_question"),
        P("She's quiet. But she came and sat with me on the couch this morning, which she hasn't done in ages."),
        L("That sounds like a really good sign. She clearly wants to be close to you.", "validation"),
    ),
)

GAMBLING = Dialogue(
    id="fr9-gambling-roleplay",
    topic="a trainee counsellor role-play with a client whose partner found his gambling losses",
    partner_voice="flite:awb",
    listener_voice="flite:slt",
    lines=(
        P("I suppose I'm here because my partner found the credit card statement. Eleven hundred pounds in a "
          "month on the betting apps. She gave me an ultimatum."),
        BC("Mm.", at=0.5),
        L("That sounds like a really frightening moment for both of you. What was going through your mind when "
          "she found it?", "validation", "open_question"),
        P("Relief, weirdly. And shame. I'd been hiding it for about a year."),
        BC("Mm-hmm.", at=0.6),
        L("A whole year of keeping it to yourself.", "reflection"),
        P("It started on the football, a fiver here and there, and then it was every night, on the roulette, in "
          "the bathroom with the tap running so she wouldn't hear. And I'd tell myself, one more spin and then "
          "I'll stop. But I never stop."),
        OVER("You'll want to delete those apps tonight and block the sites on your phone.", "advice", at=0.75),
        L("So part of you felt relieved to be found out, because the hiding was exhausting.", "reflection"),
        P("Yes. Yeah, that's it. The hiding was worse than the losing, almost."),
        L("Do you feel ready to change how much you gamble, or is that still up in the air?", "closed_question"),
        P("I want to. My brother reckons I should go cold turkey and hand all my bank cards over to her.",
          "quotes_advice"),
        BC("Right.", at=0.6),
        L("And what do you make of that idea?", "open_question"),
        P("It feels humiliating, honestly. Like being a child. But maybe I need that. I don't trust myself with "
          "the money."),
        CUT("Lots of people in your position set up a second account with a daily limit, so they keep some "
            "independence without the risk.", "advice", at=0.65),
        P("Sorry, I was still, I was going to say, I don't trust myself, but I don't want to be managed either."),
        L("Sorry, that was me jumping ahead. So you're pulled both ways, wanting protection and wanting to stay "
          "in charge of yourself.", "reflection"),
        P("Yeah. What do other people do, in your experience? Is there something that actually works?",
          "asks_advice"),
        L("Self exclusion tends to work well for a lot of people. You register once, and every betting site has "
          "to shut you out for six months or more.", "advice"),
        P("I've heard of that. I didn't know it covered all of them."),
        L("How would your partner feel if you signed up for it?", "open_question"),
        P("Relieved, I think. She's been so patient with me, more patient than I deserve, honestly, after "
          "everything."),
        OVER("Well, you did lie to her for a year, so she's entitled to be angry.", "judgment", at=0.7),
        P("Yeah. I know. I know that."),
        BC("Mm.", at=0.5),
        L("It took a lot of courage to come here and talk about this today.", "validation"),
        P("Thanks. I didn't think I'd actually turn up."),
        L("What helped you get through the door?", "open_question"),
        P("Her, mostly. And my daughter. She's six. I don't want her growing up with a dad like this."),
    ),
)

FRESH9_DIALOGUES = (
    NEW_DAD,
    VISA_WORRY,
    FIREFIGHTER,
    SUPPLIER,
    CARER,
    BAND,
    ONLINE_BULLYING,
    GAMBLING,
)
