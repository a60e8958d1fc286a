/**
 * The definition of every figure, one sentence each in bokmål and English, saying exactly how it
 * is computed. Shown beside the figure: the full-time share alone has three definitions in use.
 */
import type { PositionBucket, Text } from './types.js';

const t = (nb: string, en: string): Text => ({ nb, en });

export const POSITION_BUCKETS: readonly PositionBucket[] = [
  { key: 'under20', min: 0, max: 20, label: t('under 20 %', 'under 20 %') },
  { key: '20to49', min: 20, max: 50, label: t('20–49 %', '20–49 %') },
  { key: '50to79', min: 50, max: 80, label: t('50–79 %', '50–79 %') },
  { key: '80to99', min: 80, max: 100, label: t('80–99 %', '80–99 %') },
  { key: '100', min: 100, max: 100, label: t('100 %', '100 %') },
];

/** Below this a position is "very small" (svært liten stilling). */
export const SMALL_POSITION_PERCENT = 20;

const PERSON_NB = 'en person med flere stillinger i utvalget telles én gang med summen av stillingene';
const PERSON_EN = 'a person with several positions in the scope counts once, with the positions added';

export const DEFINITIONS = {
  headcount: t(
    `Antall personer med stilling (fast eller midlertidig, over 0 %) i enheten(e) på datoen; ${PERSON_NB}.`,
    `Number of persons holding a position (permanent or temporary, above 0 %) in the unit(s) on the date; ${PERSON_EN}.`,
  ),
  hourlyHeadcount: t(
    'Antall personer som på datoen bare har timelønnet arbeidsforhold (ingen stilling) i enheten(e).',
    'Number of persons who on the date hold only hourly-paid engagements (no position) in the unit(s).',
  ),
  fte: t('Årsverk = summen av stillingsprosentene til stillingene på datoen / 100.', 'FTE (årsverk) = the sum of the position percentages held on the date / 100.'),
  averagePosition: t(
    `Stillingssnitt = summen av personenes stillingsprosent / antall personer med stilling på datoen; ${PERSON_NB}.`,
    `Average position (stillingssnitt) = the sum of the persons' position percentages / the number of persons holding a position on the date; ${PERSON_EN}.`,
  ),
  averagePositionByCompetence: (c: string) =>
    t(
      `Stillingssnitt for personer med kompetanse «${c}» (kompetansen på personens største stilling): summen av stillingsprosentene / antall slike personer på datoen.`,
      `Average position of the persons with competence "${c}" (the competence of the person's largest position): the sum of their position percentages / their number on the date.`,
    ),
  fullTime100: t(
    'Heltidsandel (100 %): personer med 100 % stilling / alle personer med stilling på datoen × 100.',
    'Full-time share (100 %): persons in a 100 % position / all persons holding a position on the date × 100.',
  ),
  fullTime80: t(
    'Heltidsandel (≥ 80 %): personer med stilling på 80 % eller mer / alle personer med stilling på datoen × 100.',
    'Full-time share (≥ 80 %): persons in a position of 80 % or more / all persons holding a position on the date × 100.',
  ),
  fullTime90: t(
    'Heltidsandel (> 90 %): personer med stilling over 90 % / alle personer med stilling på datoen × 100.',
    'Full-time share (> 90 %): persons in a position above 90 % / all persons holding a position on the date × 100.',
  ),
  bucketCount: (b: PositionBucket) =>
    b.min === b.max
      ? t(`Antall personer med ${b.label.nb} stilling på datoen.`, `Number of persons in a ${b.label.en} position on the date.`)
      : t(`Antall personer med stilling fra ${b.min} % til under ${b.max} % på datoen.`, `Number of persons with a position from ${b.min} % to below ${b.max} % on the date.`),
  bucketShare: (b: PositionBucket) =>
    t(
      `Andel av personene med stilling som har stilling i intervallet ${b.label.nb}, × 100.`,
      `Share of the persons holding a position whose position lies in ${b.label.en}, × 100.`,
    ),
  weekendOnly: t(
    'Antall personer der alle stillingene i utvalget på datoen er merket som rene helgestillinger.',
    'Number of persons all of whose positions in the scope on the date are marked weekend-only.',
  ),
  small: t(
    `Antall personer med stilling under 20 % på datoen (summen av personens stillinger i utvalget).`,
    `Number of persons whose position on the date is below 20 % (the sum of the person's positions in the scope).`,
  ),
  weekendHours: t(
    'Arbeidstimer i planenes tildelte vakter i perioden som faller fra lørdag 00:00 til mandag 00:00 (Europe/Oslo, reell lengde, ubetalt pause trukket forholdsmessig), delt på planenes personår (hver plans ansatte × plandager i perioden / 365).',
    "Working hours of the plans' assigned shifts in the window that fall from Saturday 00:00 to Monday 00:00 (Europe/Oslo, real length, unpaid break deducted pro rata), divided by the plans' person-years (each plan's employees × its days inside the window / 365).",
  ),
  agencyHours: t('Summen av timene i registreringene av innleie (byrå) i perioden.', 'The sum of the hours of the agency (innleie) records in the window.'),
  extraHours: t('Summen av timene i registreringene av ekstravakter i perioden.', 'The sum of the hours of the extra-shift records in the window.'),
  extraShifts: t('Antall registreringer av ekstravakter i perioden (én registrering per vakt).', 'The number of extra-shift records in the window (one record per shift).'),
  overtimeHours: t('Summen av timene i registreringene av overtid i perioden.', 'The sum of the hours of the overtime records in the window.'),
  sickLeave: (kinds: string) =>
    t(
      `Sykefraværsprosent = Σ stillingsandel på persondager med sykefravær (${kinds}) / Σ stillingsandel på kalenderdagene personene hadde stilling i perioden, uten dager med ferie eller permisjon, × 100.`,
      `Sick-leave rate = Σ position share over person-days of sick leave (${kinds}) / Σ position share over the calendar days the persons held a position in the window, less days of vacation or leave, × 100.`,
    ),
  sickKind: (kindNb: string, kindEn: string) =>
    t(
      `Fraværsprosent for ${kindNb}: Σ stillingsandel på persondager med ${kindNb} / den samme nevneren som sykefraværsprosenten, × 100.`,
      `Absence rate for ${kindEn}: Σ position share over person-days of ${kindEn} / the same denominator as the sick-leave rate, × 100.`,
    ),
  plannedShifts: t(
    'Antall vakter i faktisk-listen med en planlagt person (én rad per planlagt vakt) i perioden.',
    'The number of shifts in the actuals with a planned person (one row per planned shift) in the window.',
  ),
  workedShifts: t('Antall vakter i faktisk-listen som noen faktisk gikk (alle rader unntatt «udekket») i perioden.', 'The number of shifts in the actuals that someone actually worked (every row except "uncovered") in the window.'),
  uncoveredShifts: t('Antall vakter i faktisk-listen som ikke ble dekket i perioden.', 'The number of shifts in the actuals left uncovered in the window.'),
  actualVsPlanned: t('Faktisk mot planlagt bemanning: gåtte vakter / planlagte vakter × 100.', 'Actual against planned staffing: shifts worked / shifts planned × 100.'),
  asPlanned: t(
    'Andel av de planlagte vaktene som ble gått av den planlagte personen (dekning «planlagt») × 100.',
    'Share of the planned shifts worked by the planned person (cover "planned") × 100.',
  ),
  coverKind: (kind: string) =>
    t(`Antall vakter i faktisk-listen med dekning «${kind}» i perioden.`, `The number of shifts in the actuals with cover "${kind}" in the window.`),
  sameCompetenceCover: t(
    'Dekket med samme kompetanse: dekninger (prediksjonsvakt, egne, pool, vikar) der den som gikk vakten hadde samme kompetanse som den planlagte personen / alle slike dekninger der den planlagte personens kompetanse er kjent, × 100.',
    "Covered with the same competence: covers (prediction shift, own staff, pool, substitute) where the person who worked had the planned person's competence / all such covers where the planned person's competence is known, × 100.",
  ),
  predictionPlanned: t(
    'Antall tildelte vakter på prediksjonsvakttyper (vakttyper med predictionFor) i planene i perioden.',
    'The number of assigned shifts of prediction shift types (shift types with predictionFor) in the plans in the window.',
  ),
  predictionUsed: t('Antall vakter i faktisk-listen dekket med prediksjonsvakt i perioden.', 'The number of shifts in the actuals covered by a prediction shift in the window.'),
  predictionUnused: t('Planlagte prediksjonsvakter − brukte (ikke under 0).', 'Planned prediction shifts − used ones (not below 0).'),
  predictionUseRate: t('Brukte prediksjonsvakter / planlagte prediksjonsvakter × 100.', 'Prediction shifts used / prediction shifts planned × 100.'),
  wishFulfilment: t(
    'Ønskeoppfyllelse: Σ vekt av oppfylte ønsker / Σ vekt av alle ønsker med dato i perioden × 100, med WISH-01-regelens logikk (ønsket vakt, ønsket fri, unngå vakt, unngå arbeid).',
    'Wish fulfilment: Σ weight of the wishes met / Σ weight of all wishes dated in the window × 100, with the WISH-01 rule\'s logic (shift wanted, day off wanted, shift avoided, work avoided).',
  ),
  wishMean: t(
    'Gjennomsnittet over personene med ønsker i perioden av personens andel oppfylt (vektet), × 100.',
    "The mean over the persons with wishes in the window of each person's share met (weighted), × 100.",
  ),
  wishMin: t('Den laveste personandelen oppfylte ønsker (vektet) blant personene med ønsker i perioden, × 100.', 'The lowest per-person share of wishes met (weighted) among the persons with wishes in the window, × 100.'),
  wishBelowHalf: t(
    'Andel av personene med ønsker i perioden som fikk under 50 % av ønskene oppfylt (vektet), × 100.',
    'Share of the persons with wishes in the window who had less than 50 % of their wishes met (weighted), × 100.',
  ),
  wishPersons: t('Antall personer med minst ett ønske (vekt over 0) i perioden.', 'The number of persons with at least one wish (weight above 0) in the window.'),
};
