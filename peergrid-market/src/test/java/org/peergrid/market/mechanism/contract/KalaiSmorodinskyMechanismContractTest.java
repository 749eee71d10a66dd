package org.peergrid.market.mechanism.contract;

class KalaiSmorodinskyMechanismContractTest extends AbstractMechanismContractTest {}
