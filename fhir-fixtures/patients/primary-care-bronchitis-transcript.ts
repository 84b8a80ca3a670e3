/**
 * Visit transcript for the primary-care acute-illness fixture: acute bronchitis with fever in a
 * daily smoker, pneumonia to be ruled out by chest X-ray (uncertain, so not coded), and about five
 * minutes of smoking-cessation counselling. Entirely fictional.
 *
 * @module
 */

export const transcript = `DOCTOR: Hi Devon. Sorry you're feeling rough. What's going on?
PATIENT: It's this cough, doc. Five days now. And I've been running fevers.
DOCTOR: How high?
PATIENT: It hit 101.6 last night. Chills, sweats, and my whole body aches.
DOCTOR: You're 38.3 here today, about 100.9. Are you bringing anything up when you cough?
PATIENT: Yeah, yellow-green stuff, mostly in the morning.
DOCTOR: Any blood in it?
PATIENT: No, no blood.
DOCTOR: Are you short of breath?
PATIENT: Only when I get going on a coughing fit. Walking around I'm okay, and sitting here I'm fine.
DOCTOR: Any chest pain, or sharp pain when you take a breath in?
PATIENT: No. My chest muscles are sore from coughing, but no sharp pain.
DOCTOR: Any wheezing?
PATIENT: A little whistle at night.
DOCTOR: Anyone sick at home?
PATIENT: My nephew had a cold last week.
DOCTOR: The nurse did the rapid COVID and flu swab when you came in. It's negative for COVID and negative for flu A and B. Your oxygen is 95 percent, heart rate 98, breathing rate 18. Let me listen. Deep breaths for me. I hear coarse rhonchi on both sides that partly clear when you cough, and some wheezing when you breathe out. No crackles in any one spot, and when you say "E" it sounds normal. No dullness when I tap. Your throat is a bit red, ears look fine, no swollen glands. Calves are soft, no leg swelling.
PATIENT: So what is it?
DOCTOR: Your story and your exam fit acute bronchitis, an infection of the airways, almost always from a virus. That's my diagnosis. What I can't completely exclude by listening is an early pneumonia. It's probably not pneumonia, but you've had fever for four or five days and you smoke, so I want a chest X-ray today to rule it out. The imaging center downstairs can do it before you leave.
PATIENT: Do I need antibiotics?
DOCTOR: Not right now. Antibiotics don't help bronchitis and would only give you side effects. If the X-ray shows pneumonia, I'll call you this afternoon and send an antibiotic. You're allergic to penicillin, right? The hives?
PATIENT: Yeah, hives all over when I was a kid.
DOCTOR: Then it would be doxycycline, not amoxicillin. For now I'm prescribing an albuterol inhaler, two puffs every four to six hours as needed for the wheezing and tightness. And benzonatate, 100-milligram capsules, one three times a day as needed for the cough; swallow them whole, don't chew them. For the fever and aches, acetaminophen, up to 1,000 milligrams three times a day. You have naproxen for your back, so don't add ibuprofen on top of it.
PATIENT: Okay. My back has actually been acting up again too.
DOCTOR: Let's book a separate visit for your back so we can give it proper time. Today is about your chest.
PATIENT: Fair enough.
DOCTOR: Now, I have to ask about smoking. Still about a pack a day?
PATIENT: About that. Since I was 18.
DOCTOR: So about 28 years. This cough is your lungs telling you something. Have you thought about quitting?
PATIENT: I've been thinking about it. This week I couldn't even smoke half of what I usually do.
DOCTOR: That's actually a good window. Quitting is the single best thing you can do for your lungs and your heart. What got in the way before?
PATIENT: The cravings. I tried cold turkey two years ago and lasted a week. I got so irritable.
DOCTOR: Cold turkey is the hardest way. Nicotine replacement roughly doubles your chances. At a pack a day I'd start the 21-milligram patch, one new patch every day, and Medicaid covers it with a prescription. Let's set a quit date.
PATIENT: Maybe two weeks from now, once I'm over this?
DOCTOR: Good. Pick the date and tell your family. I'll send the patches, and here's the quitline number, 1-800-QUIT-NOW; they'll call you back. Get rid of the ashtrays and lighters, and change the routines that go with smoking, like coffee on the porch. We'll check how it's going at your next visit.
PATIENT: Okay. I'm going to try.
DOCTOR: We spent about five minutes on quitting today, and it's time well spent. Last thing: if you get short of breath at rest, cough up blood, get chest pain, or the fever goes over 103 or isn't better in three days, call us or go to the emergency room. Otherwise I'll call you with the X-ray result today, and I'll see you back in two weeks.
PATIENT: Thanks, doc.`;
