"""An eleventh development set of practice dialogues, written on 2026-11-25 by a helper engineer who read only the data format and the label meanings (the coach may be tuned on it; dialogues_heldout.py is the set not to tune on)."""

from __future__ import annotations

from .dialogues import BC, CUT, OVER, Dialogue, L, P

DEPOSIT = Dialogue("fr11-deposit", "an Irishman in London whose landlord kept the whole deposit", "flite:awb", "espeak:en-us+f3", (
    P("So we moved out of the Walthamstow flat three weeks ago, yeah? Left it spotless. Scrubbing the oven "
      "at two in the morning spotless."),
    BC("Mm-hmm.", at=0.5),
    P("And the landlord's only gone and kept the whole deposit. Twelve hundred quid. Says there's damp in the "
      "back bedroom, which was there when we moved in, we told him loads of times and he never sent anyone."),
    OVER("You should send him the photos from when you moved in.", "advice", at=0.65),
    L("So the thing he ignored is suddenly on you.", "reflection"),
    P("Exactly. And it's not even, well, it is the money, but it's more he's treating us like we're thick."),
    BC("Yeah.", at=0.6),
    L("That sounds really galling.", "validation"),
    P("My da reckons I should open a dispute with the deposit scheme, but it feels like a massive hassle, "
      "forms and waiting months for some adjudicator.", "quotes_advice"),
    CUT("Have you thought about just ringing Citizens Advice? They're free.", "advice", "closed_question", at=0.6),
    P("No. I haven't thought about anything, I've just been stewing."),
    L("What's been the hardest part for you?", "open_question"),
    P("I suppose I feel stupid."),
    L("Stupid?", "reflection"),
    P("Yeah. Like I should have seen it coming. He was dodgy from day one."),
    BC("Right.", at=0.5),
    L("Well, you should have got him to sign an inventory on the way in.", "judgment"),
    P("Yeah. Cheers. I know."),
    L("Sorry. You're not stupid for expecting someone to be decent.", "validation"),
    P("Thanks. It's just that money was meant to be flights home to Cork for Christmas, and my mam's been "
      "counting down the days."),
    OVER("A mate of mine got his whole deposit back just by mentioning the protection scheme in one email. "
         "Landlord folded in a day.", "advice", at=0.5),
    L("Do you want my take on it, or do you just need a rant?", "permission", "closed_question"),
    P("Go on. Tell me.", "asks_advice"),
    L("It might be worth putting it all in writing and giving him fourteen days before you go to the scheme.",
      "advice"),
))

TEACHER = Dialogue("fr11-teacher", "an Indian daughter telling her father she wants to leave IT for teaching", "espeak:en-us+f4", "espeak:en-gb", (
    P("Papa, I wanted to talk to you properly, not on the phone. I have been thinking about this for almost "
      "one year."),
    BC("Mm.", at=0.7),
    P("I want to leave Infosys. I want to do my B.Ed and become a maths teacher."),
    CUT("Leave Infosys?", "closed_question", at=0.35),
    P("Yes. Please, let me finish. I know what you will say about the loan on the flat. I have savings for "
      "eighteen months."),
    OVER("Keep the job, beta, and think of the loan.", "advice", at=0.6),
    P("I knew you would say that."),
    L("This is just a phase. Everybody gets bored at work at your age.", "judgment"),
    P("It is not boredom, Papa. I got the promotion and I felt nothing. In those meetings I feel like I am "
      "disappearing."),
    BC("I see.", at=0.5),
    L("You should at least wait one more year, then decide.", "advice"),
    P("One more year of disappearing?"),
    L("Sorry. You feel like you are vanishing in that job.", "reflection"),
    P("Yes. Sunita Aunty told me to teach on weekends and keep the job, but that is not what I want.",
      "quotes_advice"),
    L("You know, at your age I wanted to leave the bank also. I used to dream of opening a bookshop.",
      "self_focus"),
    P("I know, Papa. But I would like your blessing. And if you have practical thoughts about the "
      "admissions, please tell me.", "asks_advice"),
    BC("Mm-hmm.", at=0.4),
    L("What I would do is apply to three colleges, not only one, and speak to Mummy's old principal.",
      "advice"),
    P("That is helpful."),
    L("Have you spoken to HR about a sabbatical, so the door stays open?", "advice", "closed_question"),
    P("No. But what I want most is to know you are with me."),
    L("What would it mean to you, knowing I am with you?", "open_question"),
    P("That I am not doing this alone."),
    L("You are not alone. And it took real courage to tell me this.", "validation"),
))

NURSE = Dialogue("fr11-nurse", "an Australian nurse worn down by short staffing, talking to her husband", "flite:slt", "piper:joe", (
    P("Another double. Third one this week."),
    BC("Oh no.", at=0.7),
    P("Two of the grads quit. Nobody's replacing them. Management keeps saying it's just a busy patch. It's "
      "been a busy patch since March."),
    BC("Mm-hmm.", at=0.5),
    L("Since March. So you've been running on empty for eight months.", "reflection"),
    P("Pretty much. Today a patient's daughter screamed at me because her mum's meds were late. I had eleven "
      "patients."),
    CUT("Eleven?", "closed_question", at=0.9),
    P("Eleven. Should be four. Five on a bad day."),
    L("No wonder you're wrecked. Anyone would be.", "validation"),
    P("I sat in the car park for twenty minutes before I could drive home. Just sat there."),
    BC("Mm.", at=0.5),
    L("Did you get a break at all today?", "closed_question"),
    P("Ten minutes."),
    L("What was going through your head, sitting in the car?", "open_question"),
    P("That I'm going to make a mistake and someone's going to get hurt. That's the bit that scares me."),
    L("So it's not just tiredness. It's being scared you'll hurt someone.", "reflection"),
    P("Yeah."),
    L("I've got a thought about the rosters, if you want it. Only if you want it.", "permission"),
    P("Not tonight, love. I just need to say it out loud."),
    L("Okay. I'm here."),
    P("Kirsty reckons I should go agency. More money, pick your own shifts. Maybe. I dunno.", "quotes_advice"),
    BC("Right.", at=0.45),
    L("Part of you sounds tempted.", "reflection"),
    P("Part of me. The other part feels like I'd be walking out on the girls, and they're already cooked."),
    OVER("Just sign up with the agency and see what they offer.", "advice", at=0.55),
    L("Sorry. Ignore me. You're torn between looking after yourself and not letting your team down.",
      "reflection"),
    P("That's it. That's exactly it."),
))

WEDDING = Dialogue("fr11-dads-wedding", "an American woman telling her brother she won't go to their father's wedding", "espeak:en-us+f3", "flite:rms", (
    P("Okay, so, I've been putting off telling you this, but I'm not going to Dad's wedding. I'm just not."),
    CUT("Wait, what?", at=0.85),
    P("I know, I know. Hear me out, okay? It's like, he left Mom eight months ago, now he's marrying Denise, "
      "and everyone's acting like I'm supposed to stand there in a dress and smile."),
    BC("Uh-huh.", at=0.4),
    L("It's all happening so fast, and you're supposed to just be happy about it.", "reflection"),
    P("Right! And Mom says go, it's one day, do it so you don't regret it. Which is very Mom. But she's also "
      "the one crying on the phone to me every Sunday.", "quotes_advice"),
    OVER("She's got a point, though. You should just go for the day.", "advice", at=0.6),
    L("Honestly, I'm dreading it too. I keep hoping I'll come down with something convenient that week.",
      "self_focus"),
    P("But you were at college when it all blew up. I was still living there."),
    L("You were right in the middle of it.", "reflection"),
    P("I heard all of it. Every fight. Every door slam."),
    BC("God.", at=0.6),
    L("That must have been awful.", "validation"),
    P("It was. And now he calls me like, what do you think of teal for the napkins, and I want to throw my "
      "phone across the room."),
    BC("Yeah.", at=0.5),
    L("You're being a bit dramatic, though, aren't you? He's still our dad.", "judgment"),
    P("Wow. Okay."),
    L("Sorry. That came out wrong. Does Mom know you're not going?", "closed_question"),
    P("No. Nobody knows except you."),
    L("What would you want Dad to understand?", "open_question"),
    P("That he can't just skip to the happy ending. That he owes me an actual conversation first."),
    CUT("Why don't you write him a letter and say exactly that?", "advice", at=0.65),
    P("Maybe. I'd probably just cry all over it."),
    L("Maybe you could go to the ceremony and skip the reception?", "advice"),
    P("I don't want to half go. That's worse."),
))

FIREFIGHTER = Dialogue("fr11-retired-firefighter", "a counselling trainee role-play: a retired British firefighter adrift after leaving the service", "espeak:en-gb", "flite:slt", (
    P("I retired from the fire service in September, after thirty-one years, and I had rather assumed I "
      "would feel relieved."),
    BC("Mm-hmm.", at=0.65),
    P("Instead I wake at five every morning with nowhere to be. My wife has her choir, her friends. I drift "
      "from room to room."),
    L("It sounds as though the structure that held your days together has gone.", "reflection"),
    P("Yes, that's fair. And the lads at the station were, well, family, really."),
    L("Tell me a little more about what they meant to you.", "open_question"),
    P("When you've pulled someone out of a fire together, there's a bond. Now I meet old colleagues in the "
      "supermarket and we talk about the weather."),
    BC("I see.", at=0.45),
    OVER("Have you thought about volunteering with the retired firefighters' association?", "advice",
         "closed_question", at=0.75),
    L("Forgive me, I jumped ahead there. So something that felt like family now feels like small talk.",
      "reflection"),
    P("Precisely. And I feel rather foolish being upset. I ought to be counting my blessings."),
    L("It's entirely natural to grieve something that was such a large part of your life.", "validation"),
    P("Grieve. Yes. I hadn't thought of it as grief."),
    L("I have one or two ideas others have found useful. Would you like to hear them?", "permission",
      "closed_question"),
    P("Yes, I think I would, actually.", "asks_advice"),
    L("One is to keep a fixed start to the day, like a walk at seven. Another is to look into mentoring new "
      "recruits.", "advice"),
    P("The mentoring appeals. My station manager suggested that at my leaving do, and I brushed it off.",
      "quotes_advice"),
    BC("Mm.", at=0.5),
    L("What do you think stopped you taking it up at the time?", "open_question"),
    P("Pride, probably. I didn't want to be the old boy who can't let go."),
    L("So there's a worry about how you'd be seen.", "reflection"),
    P("Yes. Yes, there is."),
))

CREDIT = Dialogue("fr11-stolen-credit", "an American analyst whose colleague presented his model as her own", "piper:joe", "espeak:en-us+f4", (
    P("So you saw the churn model Rachel presented this morning? That was mine. Six weeks of evenings."),
    CUT("No!", at=0.8),
    P("Yes. She didn't mention me once. Then Greg goes, great work Rachel, and I'm sitting there nodding "
      "like an idiot."),
    BC("Oh no.", at=0.4),
    OVER("You need to go straight to Greg and tell him it was yours.", "advice", at=0.7),
    L("Ugh, that happened to me at my last job. My boss literally presented my deck at an all-hands.",
      "self_focus"),
    P("Yeah, well. It's not the first time. Last spring she did it with my pricing dashboard, and I let it "
      "go because I was new."),
    CUT("Why not just cc Greg on all your work from now on?", "advice", at=0.55),
    P("That feels kind of petty."),
    L("Well, my brother-in-law started keeping a log of everything he shipped, and at review time nobody "
      "could argue with him.", "advice"),
    P("Honestly, what bugs me most is that I trusted her. We get lunch together. I helped her move "
      "apartments."),
    BC("Wow.", at=0.7),
    L("So it feels like a betrayal, not just a work thing.", "reflection"),
    P("Exactly. And Lena told me to let it go, because Rachel's up for promotion and it'll look like sour "
      "grapes.", "quotes_advice"),
    L("Huh. Lena told Marcus the same thing when his project got folded into hers."),
    P("Seriously? So this is a pattern."),
    L("Why don't you just bring it up with Rachel over lunch?", "advice"),
    P("And say what? Thanks for stealing my model, pass the hot sauce?"),
    L("Don't worry about it. It'll all come out in the wash.", "judgment"),
    P("Sure."),
    L("What do you want to happen here?", "open_question"),
    P("I want her to admit it. Which she won't. So maybe just Greg knowing who actually does the work."),
    BC("Mm-hmm.", at=0.35),
    OVER("Put your name on the title slide and in the file properties. Every time.", "advice", at=0.6),
    L("You want to be seen for what you actually do.", "reflection"),
    P("Yeah. That's really all."),
))

MELBOURNE = Dialogue("fr11-melbourne", "an Australian in London whose partner got a job back in Melbourne, talking to a friend", "espeak:en-us+f3", "piper:joe", (
    P("So Tom got the Melbourne job. They want him to start in February, and he has to tell them by Friday."),
    BC("Wow.", at=0.45),
    CUT("By Friday?", "closed_question", at=0.9),
    P("By Friday. And he's over the moon, and I'm meant to be happy because it's home. But I've built a "
      "whole life in London. My job, my flat, you lot."),
    BC("Oh, mate.", at=0.75),
    L("So it's meant to be a homecoming, but it feels more like leaving home.", "reflection"),
    P("Yeah. And I can't say that to Tom, because he'll feel guilty and turn it down, and then he'll resent "
      "me for it."),
    CUT("You have to tell him, though. You can't just go along with it.", "advice", at=0.7),
    P("I know. I know I do."),
    L("Sorry, I cut you off. What would you want to say to him, if you knew he wouldn't feel guilty?",
      "open_question"),
    P("That I'm scared. That I'll get back there and everyone's moved on without me. I'd be the one who went "
      "away."),
    BC("Mm.", at=0.5),
    L("That sounds really lonely.", "validation"),
    P("It is. My sister keeps saying just try it for a year, you can always come back. Easy for her to say, "
      "she's never left Geelong.", "quotes_advice"),
    OVER("Yeah, a year's not forever. You could always rent the flat out instead of selling it.", "advice",
         at=0.6),
    P("I don't know if I'm allowed to rent it out."),
    L("How about you go over for a month first and see how it feels?", "advice"),
    P("Maybe."),
    L("I'm actually thinking of moving back to Leeds myself next year, once my lease is up.", "self_focus"),
    P("Oh, really? I didn't know that."),
    L("Yeah, but that's for another day. What do you think you'll do?", "open_question"),
    P("I'll go. I always knew I'd go. I just needed someone to let me be sad about it first."),
    L("It makes total sense to be sad, even about something good.", "validation"),
))

MEMORY = Dialogue("fr11-mums-memory", "a Scottish husband telling his wife about his mother's failing memory", "espeak:en-us+m3", "flite:slt", (
    P("Went round Mum's today. She'd left the gas on again. Kettle on the hob, burnt black."),
    BC("God.", at=0.6),
    P("Second time this month. And when I said something she got angry, told me I was making a fuss. Then "
      "she called me by Dad's name."),
    L("Oh, love. That must have been frightening.", "validation"),
    P("It was. I just turned the gas off and made her a sandwich and sat with her while she watched the quiz."),
    OVER("You should get one of those automatic gas shut-off valves fitted.", "advice", at=0.5),
    L("You stayed with her, even though you were shaken.", "reflection"),
    P("Aye. And Fiona won't even pick up the phone. She's forty minutes away. I'm an hour and a half."),
    BC("Uh-huh.", at=0.35),
    CUT("Forty minutes?", "closed_question", at=0.7),
    P("Forty minutes. And she says she's too busy with the kids."),
    L("You're being a bit hard on Fiona. She has got three under ten.", "judgment"),
    P("Am I? Right. Okay."),
    L("Sorry. That's not fair. You're carrying most of this on your own, and it's wearing you down.",
      "reflection"),
    P("Yeah. It is. What would you do? Honestly. Because I've no idea where to start.", "asks_advice"),
    L("I'd ring her GP tomorrow and ask for a memory assessment. Then it might be worth asking Fiona for one "
      "specific thing, like Tuesdays.", "advice"),
    P("The GP, aye. Dr Mehta told me last year to keep a diary of the odd moments, and I never did.",
      "quotes_advice"),
    BC("Mm-hmm.", at=0.45),
    L("Have you tried one of those pill boxes with an alarm on it?", "advice", "closed_question"),
    P("She'd switch it off. She switches everything off except the gas."),
    L("How are you feeling about all of it, underneath the practical stuff?", "open_question"),
    P("Scared. That I'm losing her. That it's already started, and I missed it."),
    BC("Mm.", at=0.6),
    L("I'm so sorry. Anyone would be scared.", "validation"),
))

FRESH11_DIALOGUES = (DEPOSIT, TEACHER, NURSE, WEDDING, FIREFIGHTER, CREDIT, MELBOURNE, MEMORY)
