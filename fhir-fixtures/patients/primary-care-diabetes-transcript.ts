/**
 * Visit transcript for the primary-care fixture: a 72-year-old man on Medicare whose type 2
 * diabetes is drifting out of control (A1c 8.6%) with diabetic and hypertensive CKD stage 3a
 * (eGFR 48), blood pressure above goal and stable hyperlipidemia. Empagliflozin is started and
 * lisinopril increased; neuropathy and retinopathy are explicitly absent; right knee pain is raised
 * and deferred. Entirely fictional.
 *
 * @module
 */

export const transcript = `DOCTOR: Good morning, Walter. Come on in, have a seat. How have you been?
PATIENT: Morning, Dr. Okafor. Not bad, not bad. Busy. My grandson made the travel baseball team, so every weekend we're driving somewhere.
DOCTOR: Oh, that's great. What position does he play?
PATIENT: Catcher. Twelve years old and he's got knees of steel. Unlike his grandfather.
DOCTOR: Ha. We'll come back to the knees. So this is your three-month check on the diabetes, the blood pressure and the kidneys, and we got your blood work from last week. Before I go through the numbers, how do you feel things are going with the sugars?
PATIENT: Honestly, not great. I've been checking in the morning like you asked, and I'm seeing a lot of one-fifties, one-sixties. A couple of times it was one-eighty-something. I wrote them down. Here's the little book.
DOCTOR: Thank you, let me look. Okay, so fasting readings mostly 150 to 180 over the last month, and I see one at 192. Any readings below 70? Any shaky, sweaty spells?
PATIENT: No, never low. I wish. I'd take low over high.
DOCTOR: Well, we don't want either, but good, no lows. How about the medicines? You're on metformin 1000 milligrams twice a day. Are you taking both doses?
PATIENT: Every day. Breakfast and supper. My wife fills the pill box on Sundays so I don't miss.
DOCTOR: Good. Any stomach upset, diarrhea with it?
PATIENT: Not anymore. The first few months, yes, but now it's fine.
DOCTOR: And the lisinopril 20 milligrams once a day and the atorvastatin 20 milligrams at night?
PATIENT: Yes, both. Same box.
DOCTOR: Great. Now the food side, be honest with me.
PATIENT: The last couple of months have been bad. With the baseball, we eat at a lot of ballparks. Hot dogs, pretzels. I know.
DOCTOR: That's real life, I get it. Okay, let me show you the results. Your A1c, the three-month average, is 8.6 percent. A year ago it was 7.2, six months ago 7.6, three months ago 8.1, and now 8.6. So it's climbing steadily. For you, I'd like it under 7.5. So your diabetes is not controlled right now. This is hyperglycemia, high sugars, and it's getting worse, not better.
PATIENT: That's what I figured from the book.
DOCTOR: The other number I watch closely is your kidney function. Your eGFR, that's the filtering rate, is 48. A year ago it was 62, then 57 six months ago, 53 three months ago, and now 48. Your creatinine went up to 1.53. So you have chronic kidney disease stage 3a, and it's slowly progressing. I think the kidney disease is caused by the diabetes and the blood pressure together. That's the most common reason, and your pattern fits.
PATIENT: Is that dialysis territory?
DOCTOR: No, not close. Stage 3a means moderate loss of function. But it's a warning light, and the good news is that we have medicines now that actually protect the kidneys. Your potassium was 4.6, which is normal, sodium 139, fine.
PATIENT: Okay.
DOCTOR: Your cholesterol panel looks good. LDL, the bad cholesterol, is 68. Goal for you is under 70, and you're there on the atorvastatin 20. So no change there. We'll keep it.
PATIENT: Finally some good news.
DOCTOR: And your blood pressure today, the nurse got 148 over 88, and I rechecked it and got 146 over 86. Last visit it was 146 over 86 too, and before that 142 over 84. Our goal with the kidney disease and diabetes is under 130 over 80. So the blood pressure is also above goal.
PATIENT: I do get nervous in here.
DOCTOR: Do you check it at home?
PATIENT: Sometimes. It's usually around 140 at home.
DOCTOR: So still above goal even at home. Let me ask a few more questions. Any chest pain, pressure, shortness of breath when you walk?
PATIENT: No chest pain. No. I walk the dog every morning, about twenty minutes, no problem.
DOCTOR: Swelling in the legs?
PATIENT: No.
DOCTOR: Numbness, tingling, burning in the feet?
PATIENT: No, nothing like that. Feet feel normal.
DOCTOR: Any changes in your vision?
PATIENT: No. Oh, and I went to the eye doctor, Riverbend Eye, last month. They said they'd send you the report.
DOCTOR: They did, I have it here. The dilated exam showed no diabetic retinopathy in either eye. Mild cataracts, nothing to do yet. That's good news too. Any urinary problems, getting up at night a lot?
PATIENT: Once a night, maybe. That's been the same for years.
DOCTOR: Okay. Let me examine you. Deep breaths. Lungs are clear. Heart is regular, no murmur. No swelling at the ankles. Let me look at your feet. Take the socks off for me. Skin looks good, no sores, no calluses that worry me. Pulses are good in both feet. Now I'm going to touch this little filament on different spots, tell me when you feel it.
PATIENT: Yes. Yes. Yes. Yes. Yes.
DOCTOR: You felt all ten spots on both feet. Monofilament is normal, so no sign of neuropathy. Good.
PATIENT: That's a relief.
DOCTOR: So here's what I'm thinking. Three problems are moving in the wrong direction: the sugar, the kidneys, and the pressure. I'd like to add a medicine called empagliflozin, brand name Jardiance, 10 milligrams once a day in the morning. It lowers the sugar by making you pass some sugar in the urine, and, more importantly for you, it's been shown to slow down kidney disease and protect the heart.
PATIENT: Another pill. What are the side effects?
DOCTOR: The main ones are yeast infections or irritation in the genital area, because of the sugar in the urine, so keep that area clean and dry, and call me if you get itching or redness. You'll urinate a bit more, so drink water, especially at those hot ballparks. And if you're ever sick, vomiting, not eating or drinking, skip it that day and call us. It rarely causes low sugars by itself, especially with metformin.
PATIENT: Okay, I can do that. What about the metformin with my kidneys?
DOCTOR: Good question. With an eGFR of 48, metformin is still safe at your current dose. If it drops below 45, I'll cut it in half, to 500 twice a day, and below 30 we'd stop it. So we keep metformin 1000 twice a day for now and watch it.
PATIENT: Got it.
DOCTOR: For the blood pressure, I'm going to increase your lisinopril from 20 to 40 milligrams once a day. That also helps protect the kidneys. Because we're making two changes that affect the kidneys and potassium, I want a basic metabolic panel, kidney function and potassium, in two weeks. It's normal for the kidney number to dip a little when you start Jardiance, so don't panic if I call about that.
PATIENT: Another blood draw. Fine.
DOCTOR: And I'd like a urine test today for protein, the albumin to creatinine ratio. Last time we checked it was over a year ago and it was 38, a little high. You can give the sample on the way out.
PATIENT: Sure.
DOCTOR: Keep checking your morning sugars a few times a week, and your blood pressure at home, and bring both logs. And one more thing on the food: let's cut the ballpark pretzels to one a game.
PATIENT: Deal. Hey, before you go, about my right knee. It's been aching when I kneel in the garden, maybe a month now. Should I be worried?
DOCTOR: Let's give that its own visit so I can examine it properly, it deserves more than two minutes at the end. Book something in the next few weeks, and in the meantime you can use ice after gardening. Sound good?
PATIENT: Sounds good.
DOCTOR: Any new allergies? You're still listed as allergic to sulfa, the rash.
PATIENT: Still sulfa, that's it.
DOCTOR: Okay. So, to sum up: diabetes with high sugars, A1c 8.6; we start empagliflozin 10 milligrams daily and continue metformin 1000 twice a day. Chronic kidney disease stage 3a from diabetes and blood pressure, eGFR 48; urine albumin today and kidney panel in two weeks. Blood pressure above goal; lisinopril goes up to 40 milligrams daily. Cholesterol at goal on atorvastatin 20. I'll see you back in three months with a new A1c, and I'll keep coordinating everything with the eye doctor and anyone else you see, like always.
PATIENT: Thanks, doc. See you in three months.
DOCTOR: Say hi to the catcher for me.`;
