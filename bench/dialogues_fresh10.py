"""A tenth development set of practice dialogues, written on 2026-11-25 by a helper engineer who read only the data format and the label meanings (the coach may be tuned on it; dialogues_heldout.py is the set not to tune on)."""

from __future__ import annotations

from .dialogues import BC, CUT, OVER, Dialogue, L, P

INSPECTION = Dialogue(
    id="fr10-inspection",
    topic="a chef whose restaurant got a two out of five at a hygiene inspection",
    partner_voice="piper:joe",
    listener_voice="flite:slt",
    lines=(
        P("So the environmental health officer came in on Tuesday, completely unannounced, and we got a two. "
          "A two out of five. It's on the door now, everyone walking past can see it."),
        BC("Oh no.", at=0.6),
        L("What went through your head when you saw the score?", "open_question"),
        P("Honestly, I felt sick. Fifteen years I've been cooking and nobody has ever marked my kitchen down "
          "like that. It was the walk-in fridge mostly, the seal's gone and it was running at eight degrees."),
        BC("Mm.", at=0.4),
        OVER("Get the seal replaced today and ring them for a revisit straight away.", "advice", at=0.72),
        P("And the paperwork, the temperature logs, half of them weren't filled in, because my sous chef left "
          "in March and nobody picked it up."),
        L("So it's not just the fridge, it's that things slipped after he went.", "reflection"),
        P("Yeah. Exactly that. I was covering two jobs and something had to give, and it turned out to be the "
          "clipboard on the wall."),
        L("I'd have been gutted too, honestly. That sounds like a brutal few months.", "validation"),
        P("It was. And now my business partner reckons we should close for a week, deep clean everything and "
          "relaunch, but that's a week with no money coming in at all.", "quotes_advice"),
        BC("Right.", at=0.5),
        CUT("Don't close, you'd lose your regulars. Just do the clean overnight.", "advice", at=0.78),
        P("Overnight? With what staff? They're already knackered. I don't know. What would you actually do "
          "in my shoes?", "asks_advice"),
        L("Honestly, I'd get an outside cleaning crew in on a Sunday night, and put one person in charge of "
          "the logs, with their name at the top of the sheet.", "advice"),
        P("A named person. That's not a bad shout. Tariq's been asking for more responsibility, actually."),
        L("How do you think he'd take it?", "open_question"),
        P("He'd love it, to be fair. It's more me. I feel like I've let the whole team down, you know, it's my "
          "name above the door and it's my kitchen that got the two."),
        BC("Yeah.", at=0.45),
        L("You're being way too hard on yourself. It's only a hygiene score.", "judgment"),
        P("Only a hygiene score? People look that up before they book a table. It's not nothing."),
        L("No, you're right, sorry. It matters this much because the kitchen is yours.", "reflection"),
        P("It does. Right. I'm going to ring the fridge engineer in the morning and then talk to Tariq."),
        L("Will you tell the rest of the team about the score yourself?", "closed_question"),
    ),
)

GRANDSON = Dialogue(
    id="fr10-grandson",
    topic="an Irish grandmother of seventy-one raising her nine-year-old grandson",
    partner_voice="espeak:en-us+f4",
    listener_voice="flite:rms",
    lines=(
        P("He's nine now, Cian, and I've had him since he was four, since his mammy went into the treatment "
          "place the second time. I'm seventy-one, love. I'm not able for the homework anymore."),
        BC("Mm-hmm.", at=0.5),
        L("Five years on your own with him. What's the hardest part these days?", "reflection", "open_question"),
        P("The school. They rang me in again last week because he threw a chair in the yard, and the teacher "
          "looked at me like I was the one who should know what to do with him."),
        BC("Oh no.", at=0.45),
        CUT("You need to ask them for an assessment, get him seen by someone.", "advice", at=0.72),
        P("Sure I asked. There's a waiting list as long as your arm. Two years, they said."),
        L("Two years. That must feel like forever when you're dealing with it every single day.", "reflection"),
        P("It does. And the neighbour, Bernie, God love her, she keeps telling me I should be firmer with him, "
          "take the tablet off him, that it's all the screens.", "quotes_advice"),
        BC("Right.", at=0.55),
        L("And what do you make of that?", "open_question"),
        P("I don't know. He's lost his mother, in a way. Taking his tablet off him feels like punishing him "
          "for being sad. But maybe I'm too soft."),
        L("You sound torn between being his granny and having to be his mother.", "reflection"),
        P("That's it exactly. That's it exactly. I never thought I'd be doing all this again at my age."),
        L("Anyone would be worn out. It's a lot to carry.", "validation"),
        P("Thank you. It is a lot. Some nights I just sit in the kitchen after he's gone up."),
        L("Would you like a couple of ideas for while you're waiting on the list?", "permission",
          "closed_question"),
        P("I would, yes. Anything at all.", "asks_advice"),
        L("Maybe ring the doctor yourself and ask for a letter marked urgent, sometimes that moves things along. "
          "And the family resource centre in town runs a grandparents' group on a Thursday.", "advice"),
        P("A grandparents' group. I'd be the oldest one there, I'd say, sitting in a circle with a cup of tea "
          "talking about my feelings."),
        BC("Yeah.", at=0.5),
        OVER("Just go the once and see, sure what harm.", "advice", at=0.75),
        P("Ah, go on then. I'll try the once. I'll ring the doctor first thing Monday."),
        L("And how are you sleeping yourself, through all this?", "open_question"),
        P("Not great, if I'm honest. I lie awake wondering what happens to him if something happens to me."),
        L("That's a heavy thing to be lying awake with.", "validation"),
    ),
)

EMIGRATE = Dialogue(
    id="fr10-emigrate",
    topic="a ward nurse deciding whether to take a job in Perth and leave her widowed mother",
    partner_voice="flite:slt",
    listener_voice="flite:awb",
    lines=(
        P("So I've got the job offer from the hospital in Perth, and they want an answer by the end of the "
          "month, and I just keep going round and round in circles about it."),
        BC("Mm-hmm.", at=0.4),
        L("Round in circles how?", "open_question"),
        P("Well, the money's nearly double, the weather's obviously better, and I'm so burnt out on the ward "
          "here. But my mum's on her own since Dad died, and she's had two falls this year."),
        BC("Mm.", at=0.55),
        L("So part of you is desperate to go, and part of you feels you can't leave her.", "reflection"),
        P("Yeah. And everyone's got an opinion. My sister says go, you only live once, she'll keep an eye on "
          "Mum, but she lives two hours away and she's got three kids of her own.", "quotes_advice"),
        BC("Right.", at=0.45),
        CUT("Mate, you'd be mad not to take it. Go. Honestly, just go.", "advice", at=0.8),
        P("Easy to say though, isn't it. You're not the one who'd be on the other side of the world if she "
          "falls again."),
        L("Fair enough, that came out a bit quick. What does your mum say about it?", "open_question"),
        P("She says she'll be fine, she won't hold me back. But she would say that, wouldn't she, she's that "
          "sort of woman."),
        L("Do you believe her?", "closed_question"),
        P("Not really. Not completely. I think she'd be lonely and never tell me."),
        L("I've got a thought about the timing, if it's useful. Or you might just want to think out loud.",
          "permission"),
        P("No, go on, I'd like to hear it.", "asks_advice"),
        L("You could ask Perth whether they'd push the start date back six months, and use that time to get "
          "your mum's care sorted properly, a pendant alarm, maybe a carer coming in.", "advice"),
        P("Oh. I hadn't even thought about asking to delay it. I assumed it was now or never."),
        L("A mate of mine who went out to Brisbane got them to agree a later start, and they didn't blink, "
          "they're that short of nurses.", "advice"),
        P("Really? Okay. That actually makes it feel less like I'm choosing between her and me."),
        L("It sounds like that's been the knot all along, feeling like you had to pick one of you.",
          "reflection"),
        P("Yeah. It really has. I'll email the recruiter tonight."),
        L("Could you see yourself being happy out there?", "closed_question"),
        P("I think so. I really think so, if I knew Mum was alright."),
    ),
)

WILL = Dialogue(
    id="fr10-will",
    topic="a man whose older brother stopped speaking to him after their father's will left him the house",
    partner_voice="flite:rms",
    listener_voice="espeak:en-us+f3",
    lines=(
        P("My brother hasn't said a word to me since the lawyer read Dad's will in March. Not a text, not a "
          "call, nothing. He didn't even come to my daughter's graduation."),
        BC("Oh wow.", at=0.5),
        L("What was in the will that set it off?", "open_question"),
        P("Dad left me the house. Gary got the cabin up at the lake and some money, which is actually worth "
          "about the same, but he'd always figured the house would go to him because he's the oldest."),
        BC("Mm-hmm.", at=0.4),
        OVER("Have you thought about just selling the house and splitting it with him?", "advice",
             "closed_question", at=0.75),
        P("I mean, I've thought about it, sure. But it's the house I grew up in. My kids learned to ride "
          "their bikes in that driveway."),
        L("So giving it up would feel like losing a piece of your dad as well.", "reflection"),
        P("Yeah. Yeah, that's exactly it. And I feel like Gary's punishing me for something Dad decided. I "
          "didn't write the thing."),
        L("That sounds really unfair to be on the receiving end of.", "validation"),
        P("It is. My wife thinks I should write him a letter, like an actual paper letter, and say everything "
          "I can't say on the phone.", "quotes_advice"),
        BC("Yeah.", at=0.6),
        L("How do you feel about writing to him?", "open_question"),
        P("Nervous. What if he just doesn't answer? Then I've put it all out there for nothing, and it's "
          "worse than before."),
        L("I had a falling out with my sister over our mom's jewelry once, and we didn't talk for two years.",
          "self_focus"),
        P("Oh yeah? How did that end up?"),
        L("Okay, eventually. But this is about you and Gary. I do have an idea about the letter, if you want "
          "one.", "permission"),
        P("Honestly, not right now. I think I just need to be mad about it for a little longer before I try "
          "to fix anything."),
        L("That's completely fair. Being mad makes sense.", "validation"),
        P("Thanks. Because everybody wants me to be the bigger person, and I'm tired of it, you know, I've "
          "been the bigger person since we were kids and he broke my arm pushing me off the tree house."),
        BC("Right.", at=0.45),
        CUT("You should just call him and have it out, honestly, clear the air.", "advice", at=0.7),
        P("Did you not just hear me? I'm not ready for that."),
        L("You're right, I'm sorry. You need some time before you do anything.", "reflection"),
        P("Yeah. I do. Maybe by Thanksgiving."),
        L("Why don't you put a date in the calendar for that, so it's not hanging over you every day?",
          "advice"),
        P("Maybe. We'll see how I feel."),
    ),
)

SIXTH_FORM = Dialogue(
    id="fr10-sixth-form",
    topic="a seventeen-year-old who wants to leave sixth form for a mechanic apprenticeship",
    partner_voice="flite:awb",
    listener_voice="piper:joe",
    lines=(
        P("So basically I want to leave sixth form. Like, properly leave. I'm doing chemistry, maths and "
          "geography and I hate all three of them, and I'm failing chemistry."),
        BC("Okay.", at=0.5),
        L("What's making you want to leave now, in the middle of year twelve?", "open_question"),
        P("My cousin's mate got me a trial at a garage, an actual mechanic apprenticeship, and they pay you "
          "while you learn. But my mum's going mental. She keeps saying stick it out till the summer and then "
          "decide.", "quotes_advice"),
        BC("Mm.", at=0.4),
        CUT("Your mum's right, you know. Stick it out till June at least.", "advice", at=0.82),
        P("But that's the thing, the garage won't hold it till June. It's now or they give it to someone "
          "else."),
        L("Ah, so there's a clock on it.", "reflection"),
        P("Yeah. And I'm actually good with engines. I fixed my uncle's moped last summer with a YouTube "
          "video and a socket set."),
        L("Do you enjoy that kind of work?", "closed_question"),
        P("Love it. It's the only time I'm not bored out of my skull. In chemistry I just sit there watching "
          "the clock."),
        L("You sound a lot more alive talking about the moped than about school.", "reflection"),
        P("Ha. Yeah, probably. Do you reckon I'm being thick, though? Like, what would you do?",
          "asks_advice"),
        L("If it were me, I'd ask the garage if you can do the apprenticeship and keep one A level going at "
          "college in the evenings, so your mum can see you're not binning it all.", "advice"),
        P("One A level. Maths maybe, I don't mind maths that much. It's chemistry that's killing me, "
          "honestly, every single lesson."),
        BC("Yeah.", at=0.6),
        L("What is it about chemistry?", "open_question"),
        P("The teacher, mostly. She basically told me in front of everyone that I wasn't A level material, "
          "and everyone laughed, and I just sort of gave up after that."),
        OVER("In front of the whole class?", "closed_question", at=0.5),
        L("That's humiliating. No wonder you checked out.", "validation"),
        P("Yeah. I've never told my mum that bit."),
        L("It might be worth, I don't know, maybe telling her that bit, like, it could change how the whole "
          "conversation goes, you know what I mean, she might get it more.", "advice"),
        P("Maybe. She'd probably go up the school and kick off, to be honest, she's like that, she'd be in "
          "the head's office first thing Monday morning."),
        OVER("Ring the garage first, then talk to her with the offer in your hand.", "advice", at=0.7),
        P("Yeah. Yeah, okay. I'll do that."),
    ),
)

SNORING = Dialogue(
    id="fr10-snoring",
    topic="an Australian woman whose husband snores and stops breathing but won't see a doctor",
    partner_voice="espeak:en-us+f3",
    listener_voice="flite:awb",
    lines=(
        P("Honestly, I haven't had a proper night's sleep since about February. Greg snores like a chainsaw, "
          "and lately he stops breathing for a few seconds and then gasps for air, it frightens the life out "
          "of me."),
        CUT("Wait, he stops breathing?", "closed_question", at=0.8),
        P("Yeah. I counted once, it was about twelve seconds. I lay there counting like an idiot. And when I "
          "tell him in the morning he just laughs and says I'm dreaming it."),
        BC("Mm-hmm.", at=0.4),
        CUT("Film him on your phone, then he can't argue with it.", "advice", at=0.75),
        P("Ha, I did, actually. He watched it, said everyone snores, and went off to work."),
        L("That must have been so frustrating, you trying to look after him and him just brushing it off.",
          "reflection", "validation"),
        P("It's infuriating. His dad had a heart attack at fifty-eight, and Greg's fifty-five this year. My "
          "doctor said it sounds like sleep apnoea and he should get a sleep study done, but I can't drag him "
          "in by the ear.", "quotes_advice"),
        BC("Oh no.", at=0.3),
        BC("Yeah.", at=0.8),
        L("What do you think is stopping him going?", "open_question"),
        P("Pride, I reckon. He's never been crook a day in his life. Going to the doctor about snoring would "
          "feel like admitting he's getting old."),
        L("Do you want a suggestion, or do you just need to have a whinge about him for a bit?", "permission",
          "closed_question"),
        P("Bit of both, but go on, give me the suggestion.", "asks_advice"),
        L("What about getting him in for a general check-up, like a blood pressure thing, and letting the "
          "doctor bring the snoring up?", "advice"),
        P("Oh, that's sneaky. I like that. He'd go for his blood pressure, his brother's on tablets for it."),
        L("You've been carrying the worry for the both of you.", "reflection"),
        P("I have. And I'm knackered. I've been sleeping on the couch three nights a week just to get some "
          "rest, and then my back's wrecked in the morning."),
        BC("Mm.", at=0.5),
        OVER("Get yourself some proper earplugs in the meantime, the foam ones.", "advice", at=0.75),
        P("I've tried them, they fall out. Anyway, it's not the noise so much now, it's lying there listening "
          "for him to start breathing again."),
        L("So even when you could sleep, you're on watch.", "reflection"),
        P("Yeah. It's like having a newborn again, except he's a hundred kilos and hairy."),
        L("How long can you keep going like this?", "open_question"),
        P("Not much longer, honestly. I'll book the check-up this week."),
    ),
)

SUPERVISOR = Dialogue(
    id="fr10-supervisor",
    topic="a third-year PhD student whose supervisor has stopped answering and vanished on leave",
    partner_voice="piper:joe",
    listener_voice="espeak:en-us+f4",
    lines=(
        P("So my supervisor, Professor Hale, just kind of disappeared. He stopped answering emails in July, "
          "his office has been locked since September, and the department keeps saying he's on leave, but "
          "nobody will say what kind of leave."),
        CUT("Hang on, since July?", "closed_question", at=0.45),
        P("Since July. And I'm in third year, I'm supposed to submit in fourteen months. I've got two "
          "chapters he's never read, and a paper with his name on it that's stuck in review because he's the "
          "corresponding author."),
        BC("Oh no.", at=0.5),
        CUT("Go to the director of graduate studies, today, and put it all in writing.", "advice", at=0.78),
        P("I did go, I went last week. She was nice about it, but she basically said to be patient and keep "
          "working and it'll get sorted out by the new year.", "quotes_advice"),
        L("Patient. After four months of nothing.", "reflection"),
        P("Right? And I don't even know if I'm allowed to be angry, because what if he's really sick, or "
          "something awful has happened, and then I'm the jerk complaining about my paper."),
        BC("Yeah.", at=0.5),
        L("You're allowed to be worried about him and worried about your PhD at the same time. Both make "
          "sense.", "validation"),
        P("I guess. It just feels selfish. Anyway, I've been thinking about asking Doctor Okafor, she's on my "
          "committee, if she'd step in as an interim supervisor, but I don't know how that works, or whether "
          "I'd be stepping on toes."),
        BC("Mm.", at=0.35),
        OVER("Oh, you should definitely ask her, what's the worst that can happen.", "advice", at=0.7),
        P("I mean, the worst that happens is she says no and tells Hale I went behind his back."),
        L("So you're scared it'll look disloyal.", "reflection"),
        P("Kind of. Do you think it would? Like, honestly, how would you approach her?", "asks_advice"),
        L("Hmm, so, I mean, I'm no expert, but I think, like, if I were in your spot I'd probably frame it "
          "as, you know, keeping the project moving rather than replacing him, and maybe copy the grad "
          "director in so it's all above board, if that makes sense.", "advice"),
        P("That makes a lot of sense, actually. Keeping the project moving. That doesn't sound like a "
          "betrayal."),
        L("When I was doing my master's, my advisor went on sabbatical and I basically had to teach myself "
          "statistics.", "self_focus"),
        P("Ha, yeah. Well, I'm teaching myself a lot of things right now. Like how to write a cover letter "
          "for industry jobs, just in case."),
        L("Are you seriously thinking about leaving?", "closed_question"),
        P("Some days. Not today."),
        L("Do you want my two cents on the industry stuff, or is that for another day?", "permission",
          "closed_question"),
        P("Another day. Today I'm going to write to Doctor Okafor."),
    ),
)

HOSPICE = Dialogue(
    id="fr10-hospice",
    topic="a hospice volunteer after the first patient died while she was holding her hand",
    partner_voice="flite:slt",
    listener_voice="piper:joe",
    lines=(
        P("I've been volunteering at the hospice since the summer, just sitting with people, reading to them, "
          "that kind of thing. And on Saturday, Maureen died while I was holding her hand."),
        BC("Mm.", at=0.6),
        L("That's a big thing to be there for. How are you doing with it?", "validation", "open_question"),
        P("I don't really know. I thought I'd cry, and I didn't. I just sat there, and then the nurse came in "
          "and it was all very calm and practical, and I drove home and made pasta."),
        BC("Mm-hmm.", at=0.5),
        L("And the not crying is bothering you.", "reflection"),
        P("Yes. It makes me feel cold, like there's something wrong with me. She'd told me all about her sons "
          "and her garden, and I didn't even cry for her."),
        BC("Yeah.", at=0.4),
        CUT("Oh, don't beat yourself up, everyone reacts differently.", "judgment", at=0.8),
        P("I suppose. My coordinator said I should write her a letter, a goodbye letter, and bring it to the "
          "memorial they hold every month.", "quotes_advice"),
        L("What do you think you'd want to say in it?", "open_question"),
        P("Thank you, probably. And sorry that I didn't feel more. And that I liked hearing about the roses."),
        L("It sounds like you did feel quite a lot for her, actually.", "reflection"),
        P("Maybe. Maybe it just hasn't come out yet. Can I ask you something? Do you think I should take a "
          "break from volunteering for a few weeks?", "asks_advice"),
        L("I could tell you what I'd weigh up, if that helps, but you know yourself better than I do.",
          "permission"),
        P("Please, yes.", "asks_advice"),
        L("Maybe keep your next shift, but tell the coordinator you'd like to sit with someone who isn't at "
          "the very end yet, and see how your body feels in the room.", "advice"),
        P("That's a gentle way of doing it. I was afraid that if I stopped, I'd never go back."),
        L("Has anyone at the hospice asked how you are since Saturday?", "closed_question"),
        P("Not really. Everyone's lovely but they're so busy, and I'm only a volunteer, I didn't want to make "
          "a fuss about something they see every single day of the week."),
        BC("Mm.", at=0.4),
        OVER("Ask for a debrief. They'll have them for staff, and you're entitled to one too.", "advice",
             at=0.7),
        P("Do they? I didn't know that was a thing for volunteers."),
        L("When my grandad died in a hospice, the volunteers were the ones I remember most.", "self_focus"),
        P("That's lovely to hear. Really. I think I'll ask about the debrief on Thursday."),
        L("Have you tried writing down what you remember about her, even just the roses?", "advice",
          "closed_question"),
        P("No, but I like that. I think I will."),
    ),
)

FRESH10_DIALOGUES = (
    INSPECTION,
    GRANDSON,
    EMIGRATE,
    WILL,
    SIXTH_FORM,
    SNORING,
    SUPERVISOR,
    HOSPICE,
)
