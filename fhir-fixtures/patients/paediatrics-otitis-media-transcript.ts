/**
 * Visit transcript for the paediatrics fixture: a 4-year-old boy brought by his mother (the
 * independent historian) with fever and LEFT ear pain after a cold; acute suppurative otitis media
 * of the left ear, right ear normal; amoxicillin by weight. "No wheezing" is negated; his eczema is
 * mentioned and deferred to the well visit. Entirely fictional.
 *
 * @module
 */

export const transcript = `DOCTOR: Hi Milo, hi Dana. Oh, buddy, you don't look like your usual self today.
MOTHER: He's had a rough night. He was up crying at two in the morning, holding his ear.
DOCTOR: Which ear?
MOTHER: The left one. He kept pulling at it and saying it hurts inside.
PATIENT: It hurts in here.
DOCTOR: Thanks for showing me, Milo. Is that the ear that's sore? The left one?
PATIENT: Yeah.
DOCTOR: Okay. Dana, tell me about the fever.
MOTHER: It started last night. At bedtime he felt hot, and at two it was 102.4 with the forehead thermometer. I gave him ibuprofen, 7.5 milliliters, around two, and again at eight this morning.
DOCTOR: Did the fever come down with it?
MOTHER: Yes, he perked up a bit after the first dose, then it came back by morning.
DOCTOR: Any cold symptoms before this?
MOTHER: A runny nose and a little cough for about four days. His sister had the same thing from preschool.
DOCTOR: How is he eating and drinking?
MOTHER: Not eating much, but he's drinking juice and water. He peed this morning, a normal amount.
DOCTOR: Any vomiting or diarrhea?
MOTHER: No.
DOCTOR: Any fluid or pus draining from the ear?
MOTHER: No, nothing coming out.
DOCTOR: Has he had any trouble breathing, any wheezing?
MOTHER: No wheezing. Just the stuffy nose.
DOCTOR: Has he had antibiotics in the last month?
MOTHER: No. The last time was over a year ago, for his right ear.
DOCTOR: Right, I see that in his chart, amoxicillin, and it worked well. Still no allergies to any medicines?
MOTHER: None.
DOCTOR: Okay, Milo, can I look in your ears with my flashlight? You can hold your dinosaur. Let's do the good ear first. Right ear looks great, the eardrum is grey and shiny and I can see through it. Now the left one, this is the sore one, nice and still. Okay. The left eardrum is red, it's bulging out, and there's cloudy yellow fluid behind it. No hole in the eardrum, nothing draining.
MOTHER: So it's an ear infection.
DOCTOR: Yes. Let me just listen to his chest. Big breaths, Milo. Lungs are clear, no wheezing, he's breathing comfortably. Throat is a little red, no pus on the tonsils. Neck is soft, he moves it fine, no swollen glands behind the ear. Temperature here is 38.6, that's 101.5, heart rate 124, oxygen 98 percent.
MOTHER: Okay.
DOCTOR: So this is an acute suppurative otitis media, a bacterial infection behind the left eardrum, with no perforation. With the fever and the bulging eardrum, I recommend an antibiotic. Since he hasn't had amoxicillin in the last month, amoxicillin is the right choice. He weighs 17.2 kilos today, so at a high dose of about 90 milligrams per kilo per day, that's amoxicillin 400 milligrams per 5 milliliters, 10 milliliters by mouth twice a day, for 7 days.
MOTHER: Ten milliliters twice a day, seven days.
DOCTOR: Exactly. Finish it even if he's better on day three. For pain and fever, keep the ibuprofen, at his weight 8.5 milliliters of the children's 100 milligrams per 5 milliliters, every 6 to 8 hours as needed, with food.
MOTHER: Got it.
DOCTOR: Call us or come back if he still has fever after 48 to 72 hours on the antibiotic, if you see fluid draining from the ear, swelling or redness behind the ear, or if he gets a stiff neck or seems very sleepy.
MOTHER: Okay. Oh, and while we're here, his eczema is back on his elbows. Those dry patches.
DOCTOR: I see them. He has his four-year checkup in two weeks. Let's look at the skin properly then; until then keep using the thick moisturizer after baths.
MOTHER: Sounds good.
DOCTOR: Feel better, Milo. You were very brave.
PATIENT: Can I have a sticker?
DOCTOR: Two stickers.`;
