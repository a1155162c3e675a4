export { default } from '../../badges/[awardId]/not-found';
