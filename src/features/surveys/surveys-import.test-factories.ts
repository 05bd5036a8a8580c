/** A Medborgarenkät definition with two questions, for the import tests. */
export const DEFINITION = {
  name: 'Medborgarenkät Linköping',
  kind: 'medborgarenkat',
  areas: ['0580'],
  questions: [
    {
      key: 'gator_torg_kvall',
      text: 'Hur trygg känner du dig på gator och torg en sen kväll?',
      answers: { '1': 'Mycket trygg', '2': 'Ganska trygg', '3': 'Ganska otrygg', '4': 'Mycket otrygg' },
      reported: ['1', '2'],
      placeType: 'gator och torg',
      timeOfDay: 'kväll',
    },
    {
      key: 'parker_kvall',
      text: 'Hur trygg känner du dig i parker en sen kväll?',
      answers: { '1': 'Mycket trygg', '2': 'Ganska trygg', '3': 'Ganska otrygg', '4': 'Mycket otrygg' },
      reported: ['1', '2'],
    },
  ],
}
